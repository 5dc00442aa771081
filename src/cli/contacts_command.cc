#include "cli/contacts_command.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "identity/phone.h"
#include "pipeline/audit.h"
#include "store/store.h"

namespace ringback::cli {
namespace {

std::string Channels(const std::vector<Channel>& channels) {
  std::string out;
  for (Channel c : channels) out += (out.empty() ? "" : ",") + std::string(ChannelName(c));
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string OneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

std::string StopText(const std::optional<Suppression>& stop, const std::string& zone) {
  if (!stop) return "";
  return "asked to stop on " + FormatLocal(stop->at, zone, "%F") + " (" + std::string(ChannelName(stop->channel)) +
         ": \"" + OneLine(stop->words) + "\")";
}

// "+1 512…" or "jane@example.com" -> the store's handle form.
std::optional<std::string> HandleFromText(const std::string& text, const CompanyConfig& config, std::string* error) {
  if (text.find('@') != std::string::npos) {
    std::string email = NormalizeEmail(text);
    if (email.empty()) *error = "not an email address: \"" + text + "\"";
    return email.empty() ? std::nullopt : std::optional<std::string>(EmailHandle(email));
  }
  PhoneNumber phone = ParsePhone(text, config.phone_region);
  if (!phone.ok()) *error = "not a phone number or email: \"" + text + "\" (" + phone.error + ")";
  return phone.ok() ? std::optional<std::string>(PhoneHandle(phone.e164)) : std::nullopt;
}

}  // namespace

int ContactsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("List contacts with their handles, channels, open opportunity and stop status.", "contacts");
  std::string db, company;
  bool json = false;
  std::string zone = "America/Chicago";
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--time-zone", zone, "Zone for dates");
  app.add_flag("--json", json, "One JSON object per line");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  auto store = OpenExistingStore(db, company, "contacts", err);
  if (!store) return kExitFatal;
  Status s = store->ForEachContactInfo([&](const ContactInfo& c) {
    if (json) {
      nlohmann::json j = {{"contact_key", c.key}, {"handles", c.handles}, {"names", c.names},
                          {"channels", Channels(c.channels)}, {"signals", c.signals},
                          {"open_opportunity", c.open_opportunity}, {"stopped", c.stop.has_value()}};
      if (c.stop) j["stop"] = StopText(c.stop, zone);
      out << j.dump() << "\n";
    } else {
      out << c.key << "  " << Joined(c.handles) << "  " << (c.names.empty() ? "" : c.names.front()) << "  ["
          << Channels(c.channels) << "] signals " << c.signals;
      if (!c.open_opportunity.empty()) out << "  open " << c.open_opportunity;
      if (c.stop) out << "  " << StopText(c.stop, zone);
      out << "\n";
    }
    return Status::Ok();
  });
  if (!s.ok()) {
    err << "ringback contacts: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

int StopCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                std::ostream& err) {
  CLI::App app("Manage stops (do-not-contact) by hand.", "stop");
  std::string db, company, handle_text, reason, actor, channel_name = "call", as_of;
  bool all = false;
  app.require_subcommand(1);
  CLI::App* add = app.add_subcommand("add", "Record that a phone or email asked not to be contacted");
  CLI::App* lift = app.add_subcommand("lift", "Lift the stops of a contact who asked to be contacted again");
  CLI::App* list = app.add_subcommand("list", "List the stops in force");
  for (CLI::App* sub : {add, lift, list}) {
    sub->add_option("--db", db, kDbHelp)->required();
    AddCompanyOption(*sub, company);
  }
  for (CLI::App* sub : {add, lift}) {
    sub->add_option("handle", handle_text, "Phone number or email")->required();
    sub->add_option("--reason", reason, "Why (recorded)")->required();
    sub->add_option("--actor", actor, "Who (recorded)")->required();
    sub->add_option("--as-of", as_of, "Time of the change (default now)");
  }
  add->add_option("--channel", channel_name, "Channel the person used: call, sms, email, form, voicemail");
  list->add_flag("--all", all, "Include lifted stops");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  auto store = OpenExistingStore(db, company, "stop", err);
  if (!store) return kExitFatal;
  if (list->parsed()) {
    Status s = store->ForEachStop([&](const std::string& key, const Suppression& stop) {
      if (stop.lifted_at && !all) return Status::Ok();
      out << key << "  " << stop.handle << "  " << FormatLocal(stop.at, config.time_zone, "%F %R") << "  "
          << ChannelName(stop.channel) << "  \"" << OneLine(stop.words) << "\"";
      if (stop.lifted_at)
        out << "  lifted " << FormatLocal(*stop.lifted_at, config.time_zone, "%F") << " by " << stop.lifted_by << ": "
            << stop.lift_reason;
      out << "\n";
      return Status::Ok();
    });
    if (!s.ok()) err << "ringback stop list: " << s.message() << "\n";
    return s.ok() ? kExitOk : kExitFatal;
  }
  std::string error;
  std::optional<std::string> handle = HandleFromText(handle_text, config, &error);
  if (!handle) {
    err << "ringback stop: " << error << "\n";
    return kExitUsage;
  }
  std::optional<Timestamp> at = as_of.empty() ? std::optional<Timestamp>(std::chrono::floor<Seconds>(std::chrono::system_clock::now()))
                                              : ParseTimeArg(as_of, config.time_zone);
  auto channel = ParseChannel(channel_name);
  if (!at || !channel) {
    err << "ringback stop: " << (!at ? "--as-of: not a time" : "--channel: unknown channel") << "\n";
    return kExitUsage;
  }
  Store& st = *store;
  Status s = st.Begin();
  if (s.ok() && add->parsed()) {
    s = st.LinkHandles({*handle});
    if (s.ok())
      s = st.PutSuppression({*handle, *at, *channel, reason, "manual:" + actor + ":" + std::to_string(ToUnix(*at))});
  } else if (s.ok()) {
    StatusOr<std::string> key = st.ContactKeyFor(*handle);
    s = key.ok() ? st.LiftStops(*key, *at, actor, reason) : key.status();
  }
  if (!s.ok()) {
    (void)st.Rollback();
    err << "ringback stop: " << s.message() << "\n";
    return s.code() == Status::Code::kNotFound ? kExitFatal : kExitFatal;
  }
  if (Status c = st.Commit(); !c.ok()) {
    err << "ringback stop: " << c.message() << "\n";
    return kExitFatal;
  }
  AuditOptions options;
  AuditResult result;
  result.as_of = *at;
  if (Status r = RebuildQueue(st, config, options, result); !r.ok()) {
    err << "ringback stop: the stop is recorded, but the queue could not be rebuilt: " << r.message() << "\n";
    return kExitFatal;
  }
  out << (add->parsed() ? "Stopped " : "Lifted the stop of ") << *handle << " (" << reason << ", by " << actor
      << "); the queue is rebuilt.\n";
  return kExitOk;
}

}  // namespace ringback::cli
