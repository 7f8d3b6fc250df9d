/** Now in the device's time zone as `YYYY-MM-DDTHH:mm`, the value a datetime-local input takes. */
export function localNow(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
