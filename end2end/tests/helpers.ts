import { expect, type Page } from '@playwright/test';

export const staff = {
  email: process.env.MADOGUCHI_STAFF_EMAIL ?? 'staff@example.jp',
  password: process.env.MADOGUCHI_STAFF_PASSWORD ?? '',
};

let counter = 0;
/** An address no earlier test used, so tests never depend on each other's accounts. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@example.jp`;
}

export async function registerMember(page: Page, email: string, name = '山田 花子', password = 'とても長いパスワード') {
  await page.goto('/register');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByLabel('表示名').fill(name);
  await page.getByRole('button', { name: '会員登録' }).click();
  await expect(page.getByText(name)).toBeVisible();
}

export async function login(page: Page, email: string, password: string, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}
