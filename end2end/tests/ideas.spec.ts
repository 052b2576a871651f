import { expect, test, type Page } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

async function postIdea(page: Page, title: string) {
  await page.goto('/ideas/new');
  await page.getByLabel('タイトル').fill(title);
  await page.getByRole('button', { name: '投稿する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '投稿しました。' })).toBeVisible();
  const text = await page.getByRole('status').filter({ hasText: '投稿しました。' }).textContent();
  return Number(/#(\d+)/.exec(text ?? '')![1]);
}

test('ideas are posted, voted, adopted onto the board, and duplicates merged', async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const a = await (await browser.newContext()).newPage();
  await registerMember(a, uniqueEmail('idea-a'), '提案 一郎');
  const original = await postIdea(a, `夜間モード${stamp}をつけてほしい`);

  // While typing a near-duplicate, the existing idea is offered.
  const b = await (await browser.newContext()).newPage();
  await registerMember(b, uniqueEmail('idea-b'), '提案 二郎');
  await b.goto('/ideas/new');
  await b.getByLabel('タイトル').fill(`夜間モード${stamp}がほしいです`);
  const similar = b.getByRole('complementary', { name: /似ているご意見があります/ });
  await expect(similar.getByRole('heading', { name: `夜間モード${stamp}をつけてほしい` })).toBeVisible();
  await similar.getByRole('button', { name: '投票する' }).click();
  await expect(similar.getByRole('button', { name: '投票を取り消す' })).toBeVisible();
  const duplicate = await postIdea(b, `夜間モード${stamp}がほしいです`);

  // A third member votes for the duplicate only.
  const c = await (await browser.newContext()).newPage();
  await registerMember(c, uniqueEmail('idea-c'), '提案 三郎');
  await c.goto('/ideas/board');
  const dupCard = c.getByRole('listitem').filter({ hasText: `夜間モード${stamp}がほしいです` });
  await dupCard.getByRole('button', { name: '投票する' }).click();
  await expect(dupCard.locator('.votes')).toContainText('1');

  // Staff adopt the original with a note and mark the other a duplicate.
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/ideas');
  const review = s.getByRole('listitem', { name: new RegExp(`#${original} `) });
  await review.getByLabel('状態').selectOption({ label: '採用' });
  await review.getByRole('button', { name: '更新する' }).click();
  await expect(review.getByText('入力してください。')).toBeVisible();
  await review.getByLabel(/メモ/).fill('設定画面に夜間モードを追加しました。');
  await review.getByRole('button', { name: '更新する' }).click();
  const dupReview = s.getByRole('listitem', { name: new RegExp(`#${duplicate} `) });
  await dupReview.getByLabel('状態').selectOption({ label: '重複' });
  await dupReview.getByLabel('統合先のご意見ID').fill(String(original));
  await dupReview.getByRole('button', { name: '更新する' }).click();
  await expect(s.getByRole('listitem', { name: new RegExp(`#${original} `) })).toContainText('2 票');

  // Everyone sees it on the adopted board, with what changed.
  await c.goto('/ideas');
  const adopted = c.getByRole('listitem').filter({ hasText: `夜間モード${stamp}をつけてほしい` });
  await expect(adopted).toContainText('設定画面に夜間モードを追加しました。');
  await expect(adopted).toContainText('2 票');
});
