import { z } from "zod";

// One definition of an acceptable sign-in address for the form, the API and next-auth.
export const emailSchema = z.string().trim().max(254).pipe(z.email());
