import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { HumanText, Id, Slug } from '../shared/primitives.js';

/**
 * Any service asks the gateway's notification centre to tell people something (docs/adr/0015). The gateway owns
 * the contract (its source), any service may emit it; `requestedBy` names the one that did. Texts are written
 * for the recipients and must not carry message text or contact details (personal data stays in its service).
 */
export const notificationRequestedV1 = defineEvent({
  type: 'NotificationRequested',
  version: 1,
  source: 'gateway',
  payload: z
    .object({
      requestedBy: Slug.describe("The service that raised it, e.g. 'community'"),
      kind: Slug.describe("What happened, e.g. 'crisis-detected'; members choose channels per kind"),
      title: z.string().min(1).max(200).describe('One line, e.g. "Negative spike on @brand"'),
      body: HumanText.describe('What happened and what to do about it'),
      link: z
        .string()
        .max(2000)
        .regex(/^\/(?!\/)/, 'must be a console path starting with a single /')
        .nullable()
        .describe('Where to act, as a console path (e.g. /community/crises/<id>); null for none'),
      object: z
        .object({ type: Slug, id: z.string().min(1).max(200) })
        .nullable()
        .describe('The object it is about, e.g. { type: "crisis", id }'),
      recipients: z
        .discriminatedUnion('rule', [
          z.object({
            rule: z.literal('members'),
            memberIds: z.array(Id).min(1).max(100).describe('Members of the workspace; others are ignored'),
          }),
          z.object({
            rule: z.literal('roles'),
            roles: z.array(Slug).min(1).max(8).describe("Everyone holding one of these roles, e.g. 'admin'"),
          }),
        ])
        .describe('Who is told: named members, or the holders of some roles, in the envelope workspace'),
    })
    .describe('Tell people in the workspace something, through the channels each of them chose'),
});

export type NotificationRequestedV1 = PayloadOf<typeof notificationRequestedV1>;
