import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function NotFound() {
  return <NotFoundMessage />;
}
