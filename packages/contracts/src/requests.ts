import { z } from 'zod';

/**
 * Inter-agency requests (issue 6): what one agency asks of another to stop the money, identify a
 * subscriber or owner, or take a scam down.
 */
export const RequestType = z
  .enum([
    // police → bank or e-wallet: hold the disputed amount on an account (phong tỏa, tạm dừng giao dịch)
    'hold',
    // police → bank: release what was held
    'release',
    // bank → police: the account holder contests a hold, or the bank asks to review it
    'hold_review',
    // police → telco: who holds these numbers
    'subscriber_info',
    // police → department of science and technology or a registrar: who owns and hosts this domain
    'domain_owner_info',
    // police or the department → platform, registrar, host or app store: take this down
    'takedown',
    // department → telco: re-verify or lock SIMs with false subscriber data or used in scams
    'sim_action',
    // bank → police: an account suspected of fraud, with the fields of Circular 17/2024
    'suspicious_account_notice',
  ])
  .meta({ id: 'RequestType' });
export type RequestType = z.infer<typeof RequestType>;

export const RequestStatus = z
  .enum(['sent', 'acknowledged', 'answered', 'refused', 'cancelled'])
  .meta({ id: 'RequestStatus' });
export type RequestStatus = z.infer<typeof RequestStatus>;

/** How long a recipient has to answer, by kind of request; configurable data. */
export const RequestTimeLimits = z
  .object({
    holdMinutes: z.number().int().min(1).max(10_080).describe('Holds and releases (default 60)'),
    informationMinutes: z
      .number()
      .int()
      .min(1)
      .max(43_200)
      .describe('Subscriber, owner information, reviews, notices and SIM actions (default 1,440: 24 hours)'),
    takedownMinutes: z.number().int().min(1).max(43_200).describe('Takedowns (default 1,440: 24 hours)'),
  })
  .meta({ id: 'RequestTimeLimits' });
export type RequestTimeLimits = z.infer<typeof RequestTimeLimits>;
