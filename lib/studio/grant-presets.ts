import { AppError } from "@/lib/http/errors";

// Complimentary-grant lengths offered in the studio. A year is a calendar year (same date next
// year), not 365 days, so "1 y from 29 Feb" still lands where an editor expects.
export const grantPresets = ["7d", "30d", "90d", "1y", "lifetime", "custom"] as const;
export type GrantPreset = (typeof grantPresets)[number];

const DAY = 86_400_000;

export function resolvePresetEnd(preset: GrantPreset, startsAt: Date, customEnd: Date | null): Date | null {
  switch (preset) {
    case "7d":
      return new Date(startsAt.getTime() + 7 * DAY);
    case "30d":
      return new Date(startsAt.getTime() + 30 * DAY);
    case "90d":
      return new Date(startsAt.getTime() + 90 * DAY);
    case "1y": {
      const end = new Date(startsAt);
      end.setUTCFullYear(end.getUTCFullYear() + 1);
      return end;
    }
    case "lifetime":
      return null;
    case "custom":
      if (!customEnd) throw new AppError("invalid", "endsAt", "종료 시각을 입력하세요 (end is required).");
      if (customEnd.getTime() <= startsAt.getTime())
        throw new AppError("invalid", "endsAt", "종료 시각은 시작 시각 이후여야 합니다 (end must be after start).");
      return customEnd;
  }
}
