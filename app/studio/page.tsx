import { getViewer } from "@/lib/auth/viewer";

export default async function StudioHome() {
  const viewer = await getViewer();
  const email = viewer.signedIn ? viewer.member.email : "";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="headline text-3xl font-bold">스튜디오</h1>
      <p className="text-muted">{email}님, 환영합니다. 기사 작성·회원 관리 도구가 이곳에 들어옵니다.</p>
    </div>
  );
}
