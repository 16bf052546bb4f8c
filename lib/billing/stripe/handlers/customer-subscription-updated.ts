import { applySubscriptionEvent } from "../apply-subscription";
import type { Handler } from "../context";

// Full snapshot of the subscription; applied by the ordering rule like every subscription event.
export const customerSubscriptionUpdated: Handler = (ctx) => applySubscriptionEvent(ctx);
