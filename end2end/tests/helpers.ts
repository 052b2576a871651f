import { expect, type Browser, type Page } from '@playwright/test';
import { waitForMail } from './mail';
import { secondStep } from './totp';

export const staff = {
  email: process.env.MADOGUCHI_STAFF_EMAIL ?? 'staff@example.jp',
  password: process.env.MADOGUCHI_STAFF_PASSWORD ?? '',
};

/** An agent working beside `staff` (same password), enrolled in two-factor at first login. */
export const colleague = {
  email: process.env.MADOGUCHI_STAFF3_EMAIL ?? 'colleague@example.jp',
  password: staff.password,
  name: 'スタッフ 高橋',
};

let counter = 0;
/** An address no earlier test used, so tests never depend on each other's accounts. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@example.jp`;
}

/** Signs up through the form, then opens the verification link from the mail the real SMTP
 *  server received, as a member would: logged in, address verified. */
export async function registerMember(page: Page, email: string, name = '山田 花子', password = 'とても長いパスワード') {
  await page.goto('/register');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByLabel('表示名').fill(name);
  await page.getByRole('button', { name: '会員登録' }).click();
  await expect(page.getByRole('heading', { name: '確認メールを送信しました' })).toBeVisible();
  await page.goto(await verificationLink(email));
  // The link's page logs in, then moves on to the top page (another bundle): wait for that load,
  // or the test's next navigation would race it.
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByText(name)).toBeVisible();
}

/** The link in the newest verification mail to `email`. */
export async function verificationLink(email: string): Promise<string> {
  const mail = await waitForMail((m) => m.to.includes(email) && m.text.includes('/verify?token='));
  const link = mail.text.match(/https?:\/\/\S+\/verify\?token=\S+/);
  if (!link) throw new Error(`no link in ${mail.text}`);
  return link[0];
}

/** Logs in through the form. Staff have two-factor (required): the helper sets it up on their
 *  first login and types a fresh code afterwards, as the staff member's phone would. */
export async function login(page: Page, email: string, password: string, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  if (email === staff.email || email === colleague.email) await secondStep(page, email, next);
}

/** A member sends a points inquiry through the wizard; returns its reference. */
export async function sendPointsInquiry(page: Page, email = uniqueEmail('inquiry'), name = '衝突 花子'): Promise<string> {
  await registerMember(page, email, name);
  await fillPointsInquiry(page);
  await page.getByRole('button', { name: '確認画面へ' }).click();
  await page.getByRole('button', { name: '送信する' }).click();
  return (await page.locator('.reference').textContent())!.trim();
}

/** The logged-in member opens the wizard for points and fills step 3 (not sent yet). */
export async function fillPointsInquiry(page: Page) {
  await page.goto('/contact?category=points');
  await page.getByRole('checkbox', { name: /個人情報の取り扱いについて/ }).check();
  await page.getByRole('checkbox', { name: /利用規約/ }).check();
  await page.getByRole('button', { name: 'お問い合わせフォームへ' }).click();
  await page.getByLabel(/ショップ・広告主名/).fill('楽天トラベル');
  await page.getByLabel(/ご利用日/).fill('2026-10-02');
  await page.getByLabel(/ご利用金額/).fill('5,000');
  await page.getByLabel(/現在の通帳の状態/).selectOption({ label: '通帳に記載がない' });
  await page.getByLabel(/お問い合わせ内容/).fill('ポイントが付きません。');
}

/** The supervisor's chat console, marked available for chats. */
export async function chatDesk(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, staff.email, staff.password, '/admin/chat');
  await expect(page.getByRole('heading', { name: 'チャット対応' })).toBeVisible();
  const available = page.getByRole('checkbox', { name: '対応可能' });
  if (!(await available.isChecked())) await available.check();
  return page;
}
