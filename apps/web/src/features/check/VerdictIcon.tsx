import type { VerdictIconName } from './verdict';

const paths: Record<VerdictIconName, string[]> = {
  // A stop sign with a cross.
  scam: ['M8.5 2h7L22 8.5v7L15.5 22h-7L2 15.5v-7Z', 'm9 9 6 6', 'm15 9-6 6'],
  // A warning triangle with an exclamation mark.
  warning: [
    'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
    'M12 9v4',
    'M12 17h.01',
  ],
  // A circle with a question mark.
  unknown: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Z', 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3', 'M12 17h.01'],
  // A shield with a tick.
  official: ['M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5Z', 'm8.5 12 2.5 2.5 5-5'],
};

/** The shape of a verdict, so that it does not depend on colour; decorative (the words say it). */
export function VerdictIcon({ name, size = 24 }: { name: VerdictIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.25}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
