export * from "./content";
export * from "./members";
export * from "./billing";
export * from "./comments";
export * from "./studio";
export * from "./feeds";
export * from "./publications";
export * from "./email";
