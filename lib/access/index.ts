// Pure access rules. No I/O, no clock: every function takes `now` from its caller.
export * from "./tiers";
export * from "./grants";
export * from "./timeline";
export * from "./pieces";
export * from "./comments";
export * from "./bundles";
export * from "./roles";
export * from "./mail";
export * from "./feeds";
