// Where a draft goes: a text message, an email, or a script for a person on the phone.
#pragma once

#include <optional>
#include <string_view>

namespace ringback {

enum class DraftChannel { kSms, kEmail, kCall };
inline constexpr DraftChannel kDraftChannels[] = {DraftChannel::kSms, DraftChannel::kEmail, DraftChannel::kCall};

// "sms", "email", "call": the names queue.csv's draft_channel column and the JSON use.
std::string_view DraftChannelName(DraftChannel c);
std::optional<DraftChannel> ParseDraftChannel(std::string_view name);

}  // namespace ringback
