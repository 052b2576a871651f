import { expect, test, type Page } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

const SITE = 'Madoguchi サポートセンター';

// One path per route of app::Area's table (titles.rs holds their titles; its unit test checks
// that every route has one).
const memberPaths = [
  '/', '/privacy', '/terms', '/contact', '/contact/history', '/contact/history/1', '/contact/survey/1', '/chat', '/chat/history',
  '/chat/history/1', '/chat/survey/1', '/ideas', '/ideas/board', '/ideas/new', '/ideas/mine', '/faq', '/faq/1',
  '/login', '/register', '/account', '/account/verify', '/account/email', '/account/reset', '/account/invite',
];
const staffPaths = [
  '/admin', '/admin/two-factor', '/admin/staff', '/admin/audit', '/admin/categories', '/admin/inquiries', '/admin/chat', '/admin/insights', '/admin/chat/transcript/1',
  '/admin/ideas', '/admin/faq', '/admin/faq/1',
];

/** The title once the page settled, keyed by where it settled (a page may send elsewhere). */
async function titleOf(page: Page, path: string): Promise<[string, string]> {
  await page.goto(path);
  await expect(page).not.toHaveTitle(SITE);
  await page.waitForLoadState('networkidle');
  return [new URL(page.url()).pathname, await page.title()];
}

test('every route has a title of its own, ending with the site name', async ({ page }) => {
  // Some 35 page loads, two logins with two-factor: more than the default 30 s.
  test.setTimeout(120_000);
  const titles = new Map<string, string>();
  await registerMember(page, uniqueEmail('titles'), '題名 確認');
  for (const path of memberPaths) titles.set(...(await titleOf(page, path)));
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  await login(page, staff.email, staff.password, '/admin');
  for (const path of staffPaths) titles.set(...(await titleOf(page, path)));
  // Almost every route shows itself (a logged-in member may be sent on from a few).
  expect(titles.size).toBeGreaterThanOrEqual(memberPaths.length + staffPaths.length - 3);
  for (const [path, title] of titles) expect(title, path).toMatch(new RegExp(` \\| ${SITE}$`));
  const seen = new Map<string, string>();
  for (const [path, title] of titles) {
    expect(seen.get(title), `${path} has the same title as ${seen.get(title)}`).toBeUndefined();
    seen.set(title, path);
  }
  // An article's title comes first, from its data.
  await page.goto('/faq/1');
  const heading = (await page.locator('main h1').first().textContent())?.trim() ?? '';
  await expect(page).toHaveTitle(`${heading} | よくある質問 | ${SITE}`);
});

test('moving within an area changes the title and moves focus to the new heading', async ({ page }) => {
  await page.goto('/ideas');
  await expect(page).toHaveTitle(`反映されたご意見 | ご意見ラボ | ${SITE}`);
  await page.getByRole('link', { name: 'すべてのご意見' }).first().click();
  await expect(page).toHaveTitle(`すべてのご意見 | ご意見ラボ | ${SITE}`);
  await expect(page.locator('main h1').first()).toBeFocused();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page).toHaveTitle('All ideas | Idea lab | Madoguchi Support Center');
});

// Cumulative layout shift while each public page loads its data, as browsers report it.
// At a desktop size and at the phone size Lighthouse's mobile run uses (412 × 823), where the
// header's links have a row of their own.
const viewports = { desktop: { width: 1280, height: 720 }, phone: { width: 412, height: 823 } };
for (const [device, viewport] of Object.entries(viewports)) for (const path of ['/', '/faq', '/faq/1', '/ideas', '/ideas/board', '/contact', '/chat']) {
  test(`no layout shift while ${path} loads (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls, `CLS on ${path}`).toBeLessThan(0.05);
  });
}

test('a link with ?lang=en (where hreflang points) opens the page in English', async ({ page }) => {
  await page.goto('/faq?lang=en');
  await expect(page).toHaveTitle('Frequently asked questions | Madoguchi Support Center');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/ideas?lang=ja');
  await expect(page).toHaveTitle(`反映されたご意見 | ご意見ラボ | ${SITE}`);
});

test('a visitor on the contact and chat pages stays there and is shown the way in', async ({ page }) => {
  for (const [path, reason] of [['/contact', 'お問い合わせフォームは会員の方'], ['/chat', 'チャットは会員の方']]) {
    await page.goto(path);
    await expect(page.getByText(reason)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);
    await expect(page.getByRole('link', { name: '会員登録' }).last()).toHaveAttribute('href', `/register?next=${path}`);
  }
});
