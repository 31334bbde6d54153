import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { MoneySchema } from '../shared/money.js';
import { Id, NetworkId } from '../shared/primitives.js';
import { UtmSchema } from '../shared/utm.js';

/**
 * A contact was qualified as a lead for sales, with what brought them. Contact details stay in the community
 * service; the CRM hand-off reads them through its API.
 */
export const leadQualifiedV1 = defineEvent({
  type: 'LeadQualified',
  version: 1,
  source: 'community',
  payload: z
    .object({
      leadId: Id,
      contactId: Id,
      qualifiedById: Id.nullable().describe('Null when a qualification rule did it'),
      score: z.int().min(0).max(100).nullable(),
      estimatedValue: MoneySchema.nullable(),
      attribution: z
        .object({
          channelId: Id.nullable(),
          network: NetworkId.nullable(),
          interactionId: Id.nullable(),
          postId: Id.nullable(),
          campaignId: Id.nullable(),
          utm: UtmSchema.nullable(),
        })
        .describe('The channel, interaction, post or campaign that brought the lead; null where unknown'),
    })
    .describe('A new lead for sales'),
});

export type LeadQualifiedV1 = PayloadOf<typeof leadQualifiedV1>;
