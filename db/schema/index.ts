export * from "./content";
export * from "./members";
export * from "./billing";
