import { Me, TotpEnrolment, type ChangePasswordRequest } from '@khien/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { meKey } from '../auth/api';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => api.post('/api/me/password', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useEnrolTotp() {
  return useMutation({ mutationFn: () => api.post('/api/me/totp/enrol', {}, { schema: TotpEnrolment }) });
}

/** Confirming and disabling answer the new Me: the shell follows at once (e.g. leaves the enrol-only mode). */
export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post('/api/me/totp/confirm', { code }, { schema: Me }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post('/api/me/totp/disable', { password }, { schema: Me }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}
