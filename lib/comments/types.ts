// JSON shapes of the comments API (design §9), shared by the route handlers and the client island.

export type CommentState = "visible" | "hidden" | "deleted";
export type TierLabel = { slug: string; name: string; nameEn: string };

/** A comment as stored in the per-piece cache: JSON-safe, no email, no per-viewer bits. */
export type CachedComment = {
  id: number;
  parentId: number | null;
  memberId: number;
  // Null: the author chose no display name (or deleted their account) and is shown anonymously.
  authorName: string | null;
  tierSlug: string;
  // Null unless visible: removed text never enters the cache.
  body: string | null;
  state: CommentState;
  createdAt: string;
  editedAt: string | null;
};

export type CommentView = {
  id: number;
  parentId: number | null;
  state: CommentState;
  body: string | null;
  // Null for removed comments kept only as placeholders above their replies.
  // `anonymous`: no display name; `name` is then the publication's anonymous label ("독자").
  author: { name: string; anonymous: boolean; tier: TierLabel | null } | null;
  createdAt: string;
  editedAt: string | null;
  mine: boolean;
  // Set while the viewer may still edit their own comment.
  editableUntil: string | null;
  reportedByMe: boolean;
  replies: CommentView[];
};

export type ViewerCommentState = {
  signedIn: boolean;
  canPost: boolean;
  // Why posting is not possible: signed out, cannot read the piece, tier without comment
  // rights, or banned (with the end of the ban, null = indefinitely, and the moderator's reason).
  reason: "signed_out" | "read" | "tier" | "banned" | null;
  bannedUntil: string | null;
  banReason: string | null;
};

export type CommentListResponse = {
  // True when the viewer may not read the piece: no comments are sent, as with the piece itself.
  locked: boolean;
  comments: CommentView[];
  count: number;
  viewer: ViewerCommentState;
  // The cheapest tier that may comment ("comments are for <tier> members").
  commentTier: TierLabel | null;
  // For a locked piece: the tier that reads it (null when members-only/"free").
  requiredTier: TierLabel | null;
  limits: { maxLength: number; editWindowSeconds: number };
};

export type ApiError = {
  error: {
    code: string;
    message: string;
    reason?: string;
    bannedUntil?: string | null;
    banReason?: string;
    retryAfterSeconds?: number;
    maxLength?: number;
    editableUntil?: string;
  };
};
