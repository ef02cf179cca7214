import { addDays } from 'date-fns/addDays';
import type { Services } from '../../services.js';
import { type Principal, SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import type { Locality } from '../../db/tables.js';

type Trx = Services['exchange']['db'];

/** The LSP manager, as the demo's plans name them. */
const LSP_MANAGER: Principal = { ...SYSTEM, id: 'demo:lsp-manager', label: 'Brackenfield LSP manager (demo)' };
/** The Government Office adviser for the East Midlands, who comments on the open plan. */
const GO_ADVISER: Principal = {
  ...SYSTEM,
  id: 'demo:go-adviser',
  label: 'Government Office for the East Midlands (demo)',
  grants: [
    { role: 'go-adviser', region: 'East Midlands', localityId: null, partnershipId: null, organisationId: null },
  ],
};

/** A fixed date after the demo's generated history, so the carried-out plan is the same every time. */
const PAST_EFFECTIVE_ON = '2025-10-01';

/**
 * Two plans for Brackenfield: one carried out in the past (two orphan forums slotted in under
 * the LSP, so they have lineage and the register as at September 2025 shows them on their own)
 * and one open (the town centre board taking in the BID steering group, which has agreed on
 * one side and is waiting on the other, with the Government Office's comment). Neither touches
 * the demo's planted duplicate groups except the open plan, which changes nothing until it is
 * carried out, so the overlap analysis still finds every group.
 */
export async function seedDemo(services: Services, locality: Locality, trx: Trx): Promise<void> {
  const { rationalisation, register } = services;
  const code = locality.gss_code;
  const options = { trx };
  const id = async (reference: string) => {
    const found = await register.partnerships.idByReference(trx, locality.id, reference);
    if (!found) throw new Error(`The demo rationalisation plans name an unknown partnership: ${reference}`);
    return found;
  };
  const [lsp, faith, armedForces, townCentre, bid] = await Promise.all(
    ['P-0001', 'P-0101', 'P-0102', 'P-0053', 'P-0054'].map(id),
  );

  const past = await rationalisation.createPlan(
    LSP_MANAGER,
    code,
    {
      title: 'Bring the faith and armed forces forums under the LSP',
      rationale:
        'Both forums reported to no one. As sub-partnerships of the Brackenfield Partnership they share its papers and secretariat and meet less often.',
      effectiveOn: PAST_EFFECTIVE_ON,
    },
    options,
  );
  await rationalisation.addOperation(
    LSP_MANAGER,
    code,
    past.id,
    { kind: 'nest', subjectIds: [faith, armedForces], targetId: lsp, meetingsPerYear: 4 },
    options,
  );
  for (const partnershipId of [faith, armedForces, lsp]) {
    await rationalisation.recordConsent(LSP_MANAGER, code, past.id, { partnershipId, decision: 'agree' }, options);
  }
  await rationalisation.carryOut(LSP_MANAGER, code, past.id, { ...options, today: PAST_EFFECTIVE_ON });
  await rationalisation.repository.backdate(trx, past.id, {
    openedAt: '2025-06-16T09:30:00Z',
    answeredAt: '2025-09-10T14:00:00Z',
    carriedOutAt: '2025-10-01T09:00:00Z',
  });

  const open = await rationalisation.createPlan(
    LSP_MANAGER,
    code,
    {
      title: 'One town centre board',
      rationale:
        'The BID steering group is the town centre management board under another name: the same traders, the council and the police, meeting about the same streets.',
      effectiveOn: addDays(new Date(`${todayInLondon()}T12:00:00Z`), 90)
        .toISOString()
        .slice(0, 10),
    },
    options,
  );
  await rationalisation.addOperation(
    LSP_MANAGER,
    code,
    open.id,
    { kind: 'merge', subjectIds: [townCentre, bid], targetId: townCentre },
    options,
  );
  await rationalisation.recordConsent(
    LSP_MANAGER,
    code,
    open.id,
    {
      partnershipId: townCentre,
      decision: 'conditions',
      detail: 'The BID levy payers keep two seats on the merged board.',
    },
    options,
  );
  await rationalisation.addComment(
    GO_ADVISER,
    code,
    open.id,
    {
      body: 'A sensible merger. Check the BID ballot’s terms allow the steering group’s role to pass to the management board.',
    },
    options,
  );
}
