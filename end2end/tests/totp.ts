import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** RFC 4648 base32, as authenticator apps read the setup key. */
function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The six digits an authenticator app shows at 30-second step `step` (RFC 6238, HMAC-SHA1). */
export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

export const nowStep = () => Math.floor(Date.now() / 30_000);

/** What a staff member's phone knows, kept on disk because every test file logs in again. */
type Device = { secret: string; lastStep: number };
const file = (email: string) => path.join(process.env.MADOGUCHI_MAIL_DIR ?? '/tmp', `${email}.totp-device`);
const load = (email: string): Device | null => (fs.existsSync(file(email)) ? JSON.parse(fs.readFileSync(file(email), 'utf8')) : null);
const save = (email: string, d: Device) => fs.writeFileSync(file(email), JSON.stringify(d));

/** A code not used before: the server takes each 30-second step once, and one step ahead. */
export async function freshCode(email: string): Promise<string> {
  const device = load(email);
  if (!device) throw new Error(`${email} has no two-factor yet`);
  let step = Math.max(nowStep(), device.lastStep + 1);
  while (step > nowStep() + 1) await new Promise((r) => setTimeout(r, 1000));
  step = Math.max(step, nowStep());
  save(email, { ...device, lastStep: step });
  return totp(device.secret, step);
}

/** On `/admin/two-factor`: reads the setup key shown as text, confirms with a computed code, and
 *  returns the backup codes. */
export async function enrol(page: Page, email: string): Promise<string[]> {
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const step = nowStep();
  save(email, { secret, lastStep: step });
  await page.locator('#code').fill(totp(secret, step));
  await page.getByRole('button', { name: '確認して有効にする' }).click();
  const codes = page.getByTestId('backup-codes').locator('li');
  await expect(codes).toHaveCount(10);
  return (await codes.allTextContents()).map((c) => c.trim());
}

/** After the password: the code field on the login page, or (first time) enrolment. */
export async function secondStep(page: Page, email: string, next: string) {
  const code = page.locator('#code');
  const secret = page.getByTestId('totp-secret');
  await expect(code.or(secret).first()).toBeVisible();
  if (await secret.isVisible()) {
    await enrol(page, email);
    await page.goto(next);
  } else {
    await code.fill(await freshCode(email));
    await page.getByRole('button', { name: 'ログイン' }).click();
  }
}
