import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { HumanText, Id, Slug } from '../shared/primitives.js';

/**
 * v1 with one more way to name recipients: `addresses`, people outside the agency (a client approver) whom only
 * e-mail reaches. The gateway mails them and nothing else: no console row, no webhook, because the link may be
 * theirs alone (content's signed approval link, docs/adr/0022). The service that asks owns those addresses;
 * they travel in this event only for that mail. Member and role rules work as in v1.
 */
export const notificationRequestedV2 = defineEvent({
  type: 'NotificationRequested',
  version: 2,
  source: 'gateway',
  payload: z
    .object({
      requestedBy: Slug.describe("The service that raised it, e.g. 'content'"),
      kind: Slug.describe("What happened, e.g. 'approval-link'; members choose channels per kind"),
      title: z.string().min(1).max(200).describe('One line, e.g. "A post awaits your approval"'),
      body: HumanText.describe('What happened and what to do about it'),
      link: z
        .string()
        .max(2000)
        .regex(/^\/(?!\/)/, 'must be a path starting with a single /')
        .nullable()
        .describe('Where to act, as a path on Chorus (made absolute with the public URL); null for none'),
      object: z
        .object({ type: Slug, id: z.string().min(1).max(200) })
        .nullable()
        .describe('The object it is about, e.g. { type: "post", id }'),
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
          z.object({
            rule: z.literal('addresses'),
            addresses: z
              .array(z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200) }))
              .min(1)
              .max(20)
              .describe('People without an account, e-mailed only: no console row, no webhook'),
          }),
        ])
        .describe('Who is told: named members, the holders of some roles, or outside addresses'),
    })
    .describe('Tell people something, through the channels each chose (outside addresses: e-mail only)'),
});

export type NotificationRequestedV2 = PayloadOf<typeof notificationRequestedV2>;
