import { describe, expect, it } from 'vitest';
import type { Viewer } from '../modules/accounts/viewer.js';
import { navigationFor } from './navigation.js';

const viewer = (overrides: Partial<Viewer> = {}): Viewer => ({
  signedIn: true,
  roles: [],
  isSystemAdmin: false,
  canReadRestricted: false,
  canAdminister: false,
  canEditSomething: false,
  ...overrides,
});
const locality = { gss_code: 'E07999001' };

describe('the navigation, grouped', () => {
  it('gives the public the register, the decisions and plans and money, with no restricted page anywhere', () => {
    const nav = navigationFor(viewer({ signedIn: false }), locality, 'partnerships');
    expect(nav.items.map((i) => i.text)).toEqual(['Register', 'Governance', 'Plans and money', 'Guidance', 'API']);
    expect(nav.sub?.items.map((i) => i.text)).toEqual(['Partnerships', 'Organisations', 'Map']);
    const governance = navigationFor(viewer({ signedIn: false }), locality, 'decisions');
    expect(governance.items.find((i) => i.active)?.text).toBe('Governance');
    // One page in the group: no second row.
    expect(governance.sub).toBeUndefined();
  });

  it('marks the group and the page a restricted reader is on, and names every page of the group', () => {
    const nav = navigationFor(viewer({ canReadRestricted: true }), locality, 'overlap');
    expect(nav.items.filter((i) => i.active).map((i) => i.text)).toEqual(['Governance']);
    expect(nav.sub).toEqual({
      label: 'Governance',
      items: [
        { href: '/localities/E07999001/proposals', text: 'Proposals', current: false },
        { href: '/localities/E07999001/overlap', text: 'Overlap', current: true },
        { href: '/localities/E07999001/rationalisation', text: 'Rationalisation', current: false },
        { href: '/localities/E07999001/scrutiny', text: 'Scrutiny', current: false },
        { href: '/localities/E07999001/assurance', text: 'Assurance', current: false },
      ],
    });
    // An import's job page belongs with import and export.
    expect(
      navigationFor(viewer({ canReadRestricted: true }), locality, 'jobs').sub?.items.find((i) => i.current)?.text,
    ).toBe('Import and export');
  });

  it('adds users for the administrator and administration for a system administrator, outside a locality too', () => {
    const admin = navigationFor(viewer({ canReadRestricted: true, canAdminister: true }), locality, 'users');
    expect(admin.items.map((i) => i.text)).toContain('Users');
    const system = navigationFor(viewer({ isSystemAdmin: true }), undefined, 'reference');
    expect(system.items.map((i) => i.text)).toEqual(['Administration', 'Guidance', 'API']);
    expect(system.sub?.items.map((i) => i.text)).toEqual(['Reference data', 'Checklists', 'Email outbox', 'Thesaurus']);
  });
});
