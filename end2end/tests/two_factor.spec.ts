import { expect, test } from '@playwright/test';
import { staff } from './helpers';
import { enrol, freshCode } from './totp';

// A second staff account made by the test command with the CLI, so this journey starts from
// "no two-factor yet" whatever the other files did with the first one.
const desk = { email: process.env.MADOGUCHI_STAFF2_EMAIL ?? 'desk2fa@example.jp', password: staff.password };

/** Logs out and waits for the top page, so the next navigation does not race the move there. */
async function logout(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
}

async function passwordStep(page: import('@playwright/test').Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('メールアドレス').fill(desk.email);
  await page.getByLabel('パスワード').fill(desk.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

test('a staff member must set up two-factor, then logs in with a code or a backup code', async ({ page }) => {
  await passwordStep(page, '/admin/inquiries');
  // Any staff page sends them to set-up first: a QR code and the key as text.
  await expect(page).toHaveURL(/\/admin\/two-factor$/);
  await expect(page.getByRole('img', { name: '認証アプリ用のQRコード' }).locator('svg')).toBeVisible();
  await page.locator('#code').fill('000000');
  await page.getByRole('button', { name: '確認して有効にする' }).click();
  await expect(page.getByRole('alert')).toContainText('確認コードが正しくないか');
  const backup = await enrol(page, desk.email);
  await page.getByRole('link', { name: 'スタッフ画面へ進む' }).click();
  await expect(page.getByRole('heading', { name: 'スタッフ管理画面' })).toBeVisible();

  // Next time: the password, then the code from the app.
  await logout(page);
  await passwordStep(page, '/admin');
  await expect(page.locator('#code')).toBeVisible();
  await page.locator('#code').fill(await freshCode(desk.email));
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: 'スタッフ管理画面' })).toBeVisible();

  // Without the phone: a backup code, once.
  await logout(page);
  await passwordStep(page, '/admin');
  await page.locator('#code').fill(backup[0]);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: 'スタッフ管理画面' })).toBeVisible();
  await logout(page);
  await passwordStep(page, '/admin');
  await page.locator('#code').fill(backup[0]);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('alert')).toContainText('すでに使用されています');
});
