import { readFileSync } from 'node:fs';
import type { LedgerAccounts } from './bank.js';
import { startBankClient } from './server.js';

/**
 * Runs the reference bank client from the environment:
 *
 *   KHIEN_URL=http://localhost:8080 KHIEN_API_KEY=… KHIEN_WEBHOOK_SECRET=… PORT=4100 \
 *     node --import tsx examples/bank-client/main.ts
 *
 * Optional: HOST (127.0.0.1), KHIEN_POLL_SECONDS (30; 0 turns polling off), KHIEN_AGENCY_ID (skip
 * requests addressed to other agencies), BANK_ACCOUNTS (a JSON file of the fake ledger's accounts; a demo
 * ledger otherwise).
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see examples/bank-client/README.md).`);
    process.exit(1);
  }
  return value;
}

/** One account that received 10,000,000 VND an hour ago and sent most of it on to two other banks. */
function demoAccounts(): LedgerAccounts {
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  return {
    '0123456789': {
      balanceVnd: 3_000_000,
      credits: [{ amountVnd: 10_000_000, at: ago(60) }],
      transfersOut: [
        { bank: 'VCB', account: '9988776655', amountVnd: 4_000_000, at: ago(50), reference: 'FT001' },
        { bank: 'TCB', account: '1122334455', amountVnd: 3_000_000, at: ago(40), reference: 'FT002' },
      ],
    },
  };
}

const accountsFile = process.env.BANK_ACCOUNTS;
const client = await startBankClient({
  baseUrl: process.env.KHIEN_URL ?? 'http://localhost:8080',
  apiKey: required('KHIEN_API_KEY'),
  webhookSecret: required('KHIEN_WEBHOOK_SECRET'),
  port: Number(process.env.PORT ?? 4100),
  host: process.env.HOST ?? '127.0.0.1',
  pollIntervalMs: Number(process.env.KHIEN_POLL_SECONDS ?? 30) * 1000,
  agencyId: process.env.KHIEN_AGENCY_ID,
  accounts: accountsFile
    ? (JSON.parse(readFileSync(accountsFile, 'utf8')) as LedgerAccounts)
    : demoAccounts(),
  onEvent: (event) => console.log(JSON.stringify(event)),
});
console.log(`Bank client: webhooks at ${client.url}/webhooks`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void client.stop().then(() => process.exit(0));
  });
}
