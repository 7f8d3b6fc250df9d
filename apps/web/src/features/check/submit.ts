import { useNavigate } from 'react-router';
import { checkMethod, checkSearch, rememberPostedText, type PostedCheckState } from './request';

export const checkPath = '/kiem-tra';

/**
 * Goes to the result of a check: a short text by its address, a long one (a pasted message) by an id in
 * this tab's memory. The text already shown is asked again (`onSame`) instead of adding a history entry.
 */
export function useSubmitCheck(options: { shownText?: string | null; onSame?: () => void } = {}) {
  const navigate = useNavigate();
  return (text: string) => {
    const trimmed = text.trim();
    if (checkMethod(trimmed) === 'get') {
      if (options.shownText === trimmed && options.onSame) options.onSame();
      else void navigate({ pathname: checkPath, search: checkSearch(trimmed) });
      return;
    }
    const state: PostedCheckState = { checkId: rememberPostedText(trimmed) };
    void navigate(checkPath, { state });
  };
}
