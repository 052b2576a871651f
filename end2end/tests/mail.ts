import fs from 'node:fs';
import path from 'node:path';

export type Mail = { to: string[]; subject: string; text: string };

const dir = process.env.MADOGUCHI_MAIL_DIR ?? '';

export function receivedMail(): Mail[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail);
}

/** Waits until the real SMTP server (end2end/smtp-sink.mjs) has received a matching mail. */
export async function waitForMail(pred: (m: Mail) => boolean, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = receivedMail().find(pred);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail; received: ${JSON.stringify(receivedMail().map((m) => [m.to, m.subject]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
