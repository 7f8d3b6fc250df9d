import { requestsPath } from '../../app/navigation';

export const newRequestPath = `${requestsPath}/moi`;

export function requestPath(requestId: string): string {
  return `${requestsPath}/${requestId}`;
}
