import { AppError, forbidden } from './app-error.js';
import type { RequestContext } from './context.js';
import { decide, type Action, type Actor, type Target } from './policy.js';

/** Records that belong to no agency or area (the national registry): the whole country. */
export const NATIONWIDE: Target = { agencyId: '*', level: 'national', provinceCode: null, communeCode: null };

/** The signed-in identity, or `auth.required`. */
export function actorOf(context: RequestContext): Actor {
  if (!context.actor) throw new AppError('auth.required', 'Sign in first');
  return context.actor;
}

/** The identity, when the policy lets it perform the action on nationwide records; `auth.forbidden` otherwise. */
export function requireNationwide(context: RequestContext, action: Action): Actor {
  const actor = actorOf(context);
  if (decide(actor, action, NATIONWIDE) !== 'allow') throw forbidden();
  return actor;
}
