import { NotFoundMessage } from "../../../../_components/not-found-message";

export default function NotFound() {
  return <NotFoundMessage />;
}
