import { z } from '@chorus/connector-sdk';

/** A fullname: a type prefix (`t1_` comment, `t2_` account, `t3_` post, `t4_` message, `t5_` subreddit) and a base-36 id. */
export const fullname = z.string().regex(/^t[1-6]_[a-z0-9]+$/u, 'a Reddit fullname such as t3_abc123');

export const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().default(''),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

export const me = z.object({
  id: z.string().regex(/^[a-z0-9]+$/u),
  name: z.string().min(1),
  icon_img: z.string().optional(),
  subreddit: z
    .object({ display_name_prefixed: z.string().optional(), subscribers: z.number().nullable().optional() })
    .passthrough()
    .nullable()
    .optional(),
});

/** A post (`t3`) as listings and /api/info show it. */
export const link = z
  .object({
    id: z.string(),
    name: fullname,
    title: z.string(),
    subreddit: z.string(),
    author: z.string(),
    created_utc: z.number(),
    permalink: z.string(),
    url: z.string().optional(),
    selftext: z.string().default(''),
    is_self: z.boolean().optional(),
    is_gallery: z.boolean().optional(),
    is_video: z.boolean().optional(),
    score: z.number().optional(),
    ups: z.number().optional(),
    upvote_ratio: z.number().optional(),
    num_comments: z.number().optional(),
    num_crossposts: z.number().optional(),
    view_count: z.number().nullable().optional(),
    removed_by_category: z.string().nullable().optional(),
    // Posts pinned to a profile or stickied may head a listing out of date order.
    pinned: z.boolean().optional(),
    stickied: z.boolean().optional(),
  })
  .passthrough();
export type Link = z.output<typeof link>;

/** A comment (`t1`) or a message (`t4`) as the inbox and comment trees show them. */
export const commentOrMessage = z
  .object({
    id: z.string(),
    name: fullname,
    author: z.string().nullable(),
    body: z.string().default(''),
    created_utc: z.number(),
    parent_id: fullname.nullable().optional(),
    link_id: fullname.optional(),
    context: z.string().optional(),
    permalink: z.string().optional(),
    subject: z.string().optional(),
    was_comment: z.boolean().optional(),
    type: z.string().optional(),
    first_message_name: fullname.nullable().optional(),
    subreddit: z.string().nullable().optional(),
  })
  .passthrough();
export type CommentOrMessage = z.output<typeof commentOrMessage>;

/** A `more` node: children not sent with the tree, to fetch with /api/morechildren. */
export const more = z.object({
  id: z.string(),
  name: z.string(),
  children: z.array(z.string()),
  parent_id: fullname,
});

export const thing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('t3'), data: link }),
  z.object({ kind: z.literal('t1'), data: commentOrMessage }),
  z.object({ kind: z.literal('t4'), data: commentOrMessage }),
  z.object({ kind: z.literal('more'), data: more }),
]);
export type Thing = z.output<typeof thing>;

/** The Listing envelope (12.7): `after`/`before` are fullnames to page with. */
export const listing = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullable(),
    before: z.string().nullable(),
    children: z.array(thing),
  }),
});
export type ListingData = z.output<typeof listing>['data'];

/** `[post listing, comment listing]` of GET /comments/{article}. */
export const commentsPage = z.tuple([listing, listing]);

export const moreChildren = z.object({
  json: z.object({ errors: z.array(z.unknown()), data: z.object({ things: z.array(thing) }) }),
});

/** POST /api/comment: the new comment (or message) in `json.data.things[0].data`. */
export const commented = z.object({
  json: z.object({
    errors: z.array(z.unknown()),
    data: z.object({ things: z.array(thing).min(1) }),
  }),
});

/** POST /api/submit: an id for self and link posts; media posts may answer with a page to watch instead. */
export const submitted = z.object({
  json: z.object({
    errors: z.array(z.unknown()),
    data: z
      .object({
        id: z.string().optional(),
        name: fullname.optional(),
        url: z.string().optional(),
        user_submitted_page: z.string().optional(),
        websocket_url: z.string().optional(),
      })
      .refine((data) => (data.name ?? data.id ?? data.user_submitted_page) !== undefined, {
        message: 'neither the post id nor the page to find it on',
      }),
  }),
});

export const mediaAsset = z.object({
  args: z.object({
    action: z.string().min(1),
    fields: z.array(z.object({ name: z.string(), value: z.string() })),
  }),
  asset: z.object({
    asset_id: z.string().min(1),
    processing_state: z.string().optional(),
    websocket_url: z.string().optional(),
  }),
});

export const subredditAbout = z.object({
  kind: z.literal('t5'),
  data: z
    .object({
      display_name: z.string(),
      submission_type: z.enum(['any', 'link', 'self']).optional(),
      allow_images: z.boolean().optional(),
      allow_videos: z.boolean().optional(),
      allow_galleries: z.boolean().optional(),
      allow_videogifs: z.boolean().optional(),
      subscribers: z.number().nullable().optional(),
      active_user_count: z.number().nullable().optional(),
    })
    .passthrough(),
});

export const postRequirements = z
  .object({
    is_flair_required: z.boolean().optional(),
    title_regexes: z.array(z.string()).optional(),
    title_text_min_length: z.number().nullable().optional(),
    title_text_max_length: z.number().nullable().optional(),
    title_required_strings: z.array(z.string()).optional(),
    title_blacklisted_strings: z.array(z.string()).optional(),
    body_restriction_policy: z.enum(['none', 'required', 'notAllowed']).optional(),
    body_text_min_length: z.number().nullable().optional(),
    body_text_max_length: z.number().nullable().optional(),
    domain_whitelist: z.array(z.string()).optional(),
    domain_blacklist: z.array(z.string()).optional(),
  })
  .passthrough();
export type PostRequirements = z.output<typeof postRequirements>;

export const linkFlairs = z.array(
  z
    .object({ id: z.string(), text: z.string().default(''), text_editable: z.boolean().default(false) })
    .passthrough(),
);

/** Answers whose content Chorus does not need (`{}` of /api/del, /api/remove). */
export const anything = z.unknown();
