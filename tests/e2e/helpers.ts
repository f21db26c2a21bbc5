import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export const SCREENSHOTS = 'tests/e2e/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Reads the newest mail to `to` from the dev mailbox (the local SMTP server) and returns its link path. */
export async function mailLink(request: APIRequestContext, to: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/dev/mailbox');
        const items = (await res.json()).items as { to: string[]; subject: string; text: string }[];
        const mail = items.find((m) => m.to.includes(to) && subject.test(m.subject));
        link = mail?.text.match(/https?:\/\/\S+/)?.[0];
        return link;
      },
      { timeout: 20_000, message: `mail "${subject}" to ${to}` },
    )
    .toBeTruthy();
  const url = new URL(link as string);
  return `${url.pathname}${url.search}`;
}

/**
 * Picks an option of an Ant Design select (single or multiple) found by its label. A click during the
 * list's opening animation can be lost, so it is repeated until the option is selected: a single select
 * then closes its list, a multiple one marks the option and stays open, as Ant Design does.
 */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByLabel(label).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown.getByTitle(option).first();
  await expect(item).toBeVisible();
  const selected = /ant-select-item-option-selected/;
  await expect(async () => {
    if ((await dropdown.count()) === 0) return;
    if (!selected.test((await item.getAttribute('class', { timeout: 2_000 })) ?? ''))
      await item.click({ timeout: 2_000 });
    if ((await dropdown.count()) === 0) return;
    await expect(item).toHaveClass(selected, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Signs out through the user menu. A click that lands while the dropdown is still animating in can be
 * lost, so the menu is reopened and the item clicked again until the sign-in page shows.
 */
export async function signOut(page: Page) {
  const item = page.getByRole('menuitem', { name: 'Sign out' });
  await expect(async () => {
    if (/\/sign-in/.test(page.url())) return;
    if (!(await item.isVisible()))
      await page.getByRole('button', { name: 'User menu' }).click({ timeout: 2_000 });
    await item.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}
