import { ChangeIndicatorStatusRequest, IndicatorStatus } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { allowedTargets, transitions } from './status';

describe('transitions', () => {
  it('offers exactly the changes the server allows', () => {
    expect(allowedTargets('reported')).toEqual(['verifying', 'confirmed_scam', 'cleared']);
    expect(allowedTargets('verifying')).toEqual(['confirmed_scam', 'cleared', 'reported']);
    expect(allowedTargets('confirmed_scam')).toEqual(['cleared', 'verifying']);
    expect(allowedTargets('cleared')).toEqual(['verifying', 'confirmed_scam']);
    expect(allowedTargets('expired')).toEqual(['verifying', 'confirmed_scam', 'cleared']);
  });

  it('never offers the current status, nor one the request cannot carry', () => {
    for (const status of IndicatorStatus.options) {
      expect(transitions[status]).not.toContain(status);
      for (const target of transitions[status]) {
        expect(ChangeIndicatorStatusRequest.shape.status.safeParse(target).success).toBe(true);
      }
    }
  });
});
