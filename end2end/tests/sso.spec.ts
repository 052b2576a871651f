import { createHmac, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';

// The test command gives the server this secret; here the test plays the parent points site.
const secret = process.env.MADOGUCHI_SSO_JWT_SECRET ?? '';

function sign(claims: object): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

test('a member handed over by the parent site is logged in and lands on the page asked for', async ({ page }) => {
  const now = Math.floor(Date.now() / 1000);
  const email = `sso.${Date.now()}@example.jp`;
  const token = sign({ sub: `parent-${now}`, email, name: 'ポイント 花子', iat: now, exp: now + 120, jti: randomUUID() });
  await page.goto(`/sso/jwt?token=${token}&next=${encodeURIComponent('/contact/history')}`);
  await expect(page).toHaveURL(/\/contact\/history$/);
  await expect(page.getByText('ポイント 花子')).toBeVisible();

  // The same token again (a replay) is refused with a page that says so.
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  const response = await page.goto(`/sso/jwt?token=${token}&next=/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'ログイン連携エラー' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('ログイン連携に失敗しました');
});
