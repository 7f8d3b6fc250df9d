import type { Me } from '@khien/contracts';
import { createContext, useContext } from 'react';

export const MeContext = createContext<Me | null>(null);

/** The signed-in identity; only components inside the staff shell call it. */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe is used outside the staff shell');
  return me;
}

/** Whether the policy lets this identity perform an action somewhere (Me.allowedActions). */
export function can(me: Me, action: string): boolean {
  return me.allowedActions.includes(action);
}

export function useCan(): (action: string) => boolean {
  const me = useCurrentMe();
  return (action) => can(me, action);
}
