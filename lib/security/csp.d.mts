export const STRIPE_FORM_TARGETS: string[];
export function buildContentSecurityPolicy(options: { scriptSources: string[]; dev?: boolean; https?: boolean }): string;
export const NON_DOCUMENT_POLICY: string;
