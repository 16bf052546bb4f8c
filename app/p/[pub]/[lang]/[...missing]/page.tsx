import { notFound } from "next/navigation";

// Any unknown reader path renders the localized 404 inside the site layout.
export default function Missing() {
  notFound();
}
