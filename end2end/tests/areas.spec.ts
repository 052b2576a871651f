import { expect, test } from '@playwright/test';

// The app ships one bundle per site area; a visitor downloads only the area they are in, and
// crossing into another area is a full page load that keeps the language and the history.
test('each area loads only its own bundle, links between areas work, and Back returns', async ({ page }) => {
  const bundles: string[] = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(/^\/a\/([a-z]+)\/.*\.wasm$/);
    if (m) bundles.push(m[1]);
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  // Within an area the move is client-side: no further bundle.
  await page.getByRole('navigation', { name: 'サイト情報' }).getByRole('link', { name: '利用規約' }).click();
  await expect(page.getByRole('heading', { name: /利用規約/, level: 1 })).toBeVisible();
  // 'commit': a page restored from the back-forward cache fires no new load event.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  expect(bundles).toEqual(['home']);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('region', { name: 'Customer service corner' }).getByRole('link', { name: /FAQ/ }).click();
  await expect(page).toHaveURL(/\/faq$/);
  await expect(page.getByRole('heading', { name: 'Frequently asked questions', level: 1 })).toBeVisible();
  expect(bundles).toEqual(['home', 'faq']);

  await page.getByRole('link', { name: 'Madoguchi Support Center' }).click();
  await expect(page.getByRole('heading', { name: 'Customer service corner' })).toBeVisible();
  // 'commit': a page restored from the back-forward cache fires no new load event.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Frequently asked questions', level: 1 })).toBeVisible();
  // 'commit': a page restored from the back-forward cache fires no new load event.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Customer service corner' })).toBeVisible();
});

test('a page that exists nowhere says so, with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
  await page.goto('/contact/no-such-step');
  await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
  await page.getByRole('link', { name: 'トップへ戻る' }).click();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
});
