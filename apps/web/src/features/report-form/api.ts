import { PublicReportStatus, ReportReceipt, type CreateReportInput } from '@khien/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiPath } from '../../api/client';
import { ApiError, problemFromResponse } from '../../api/problem';
import type { FollowRequest } from '../tracking/codes';
import { reportFormData } from './requests';

const reportsPath = '/api/public/reports';

/**
 * Sends the report with its files as multipart/form-data. XMLHttpRequest rather than fetch: it tells how
 * much of the upload has gone, which on a slow connection is the difference between waiting and giving up.
 */
function uploadReport(body: FormData, onProgress: (fraction: number) => void): Promise<ReportReceipt> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', reportsPath);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network.unreachable', title: 'Network error' }));
    request.onload = () => {
      if (request.status < 200 || request.status >= 300) {
        reject(problemFromResponse(request.status, request.statusText, request.responseText));
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(request.responseText);
      } catch {
        data = undefined;
      }
      const receipt = ReportReceipt.safeParse(data);
      if (receipt.success) resolve(receipt.data);
      else
        reject(
          new ApiError({ status: request.status, code: 'response.invalid', title: 'Unexpected answer' }),
        );
    };
    request.send(body);
  });
}

export interface ReportSubmission {
  request: CreateReportInput;
  files: File[];
}

/**
 * Sends a report: JSON without files, multipart with them. The answer holds the secret, shown once and
 * never cached. `progress` is the uploaded fraction (0–1) while files are on their way, else null.
 */
export function useSubmitReport() {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ request, files }: ReportSubmission) => {
      if (files.length === 0) return api.post(reportsPath, request, { schema: ReportReceipt });
      setProgress(0);
      try {
        return await uploadReport(reportFormData(request, files), setProgress);
      } finally {
        setProgress(null);
      }
    },
  });
  return { ...mutation, progress };
}

/**
 * A report's stage with its secret (in a header, never in the address). A mutation, not a query: the
 * secret must not become part of a cache key, and each look is asked for explicitly.
 */
export function useFollowReport() {
  return useMutation({
    mutationFn: ({ trackingCode, secret }: FollowRequest) =>
      api.get(apiPath(`${reportsPath}/:trackingCode`, { trackingCode }), {
        schema: PublicReportStatus,
        headers: { 'x-khien-secret': secret },
      }),
  });
}
