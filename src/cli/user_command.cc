#include "cli/user_command.h"

#include <CLI/CLI.hpp>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <istream>
#include <ostream>

#include "cli/commands.h"
#include "cli/parse.h"
#include "config/config_loader.h"
#include "web/password.h"

namespace ringback::cli {
namespace {

bool ValidLogin(const std::string& login) {
  return !login.empty() && login.size() <= 64 && std::all_of(login.begin(), login.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.' ||
           c == '_' || c == '-' || c == '@';
  });
}

// Asks on the terminal with echo off.
std::string AskHidden(const char* prompt, std::istream& in, std::ostream& err) {
  err << prompt << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(in, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  err << "\n";
  return line;
}

int Add(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app("Add a web app account.", "user add");
  std::string login, role_name, db, company, name, config_path;
  bool from_stdin = false, replace = false;
  app.add_option("login", login, "What they type to sign in (lower case)")->required();
  app.add_option("--role", role_name, "admin (owner), office, estimator or technician")->required();
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  app.add_option("--name", name, "Their name on the team roster");
  app.add_option("--config", config_path, "Company config: checks --name against the roster");
  app.add_flag("--password-stdin", from_stdin, "Read the password from the first line of standard input");
  app.add_flag("--replace", replace,
               "Replace an existing account (reset its password, in every company it belongs to)");
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  for (char& c : login) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::optional<AccessRole> role = ParseAccessRole(role_name);
  if (!ValidLogin(login)) {
    err << "ringback user add: LOGIN: use letters, digits and . _ - @ (64 at most)\n";
    return kExitUsage;
  }
  if (!role) {
    err << "ringback user add: --role: \"" << role_name << "\" is not admin, office, estimator or technician\n";
    return kExitUsage;
  }
  if (name.empty() && (*role == AccessRole::kTechnician || *role == AccessRole::kEstimator)) {
    err << "ringback user add: --name is required for a " << AccessRoleName(*role)
        << ": it is whose work they see (their name on the team roster)\n";
    return kExitUsage;
  }
  if (!config_path.empty() && !name.empty()) {
    StatusOr<CompanyConfig> config = LoadConfig(config_path);
    if (!config.ok()) {
      err << "ringback user add: " << config.status().message() << "\n";
      return kExitFatal;
    }
    if (std::none_of(config->team.begin(), config->team.end(), [&](const Person& p) { return p.name == name; })) {
      err << "ringback user add: --name: \"" << name << "\" is not on the team roster of " << config_path << "\n";
      return kExitUsage;
    }
  }
  std::string password;
  if (from_stdin) {
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else if (isatty(STDIN_FILENO)) {
    password = AskHidden("Password: ", in, err);
    if (AskHidden("Again: ", in, err) != password) {
      err << "ringback user add: the passwords differ\n";
      return kExitUsage;
    }
  } else {
    err << "ringback user add: no terminal to ask the password on: use --password-stdin\n";
    return kExitUsage;
  }
  if (password.size() < web::kMinPasswordLength) {
    err << "ringback user add: the password needs at least " << web::kMinPasswordLength << " characters\n";
    return kExitUsage;
  }
  // The database must exist (an audit made it); a company new to it is added with its first
  // account.
  StatusOr<std::unique_ptr<Store>> opened = OpenStore(db, company, {.create_database = false, .create_company = true});
  if (!opened.ok()) {
    err << "ringback user add: " << opened.status().message() << "\n";
    return kExitFatal;
  }
  Store& store = **opened;
  if (!replace && store.GetUser(login).ok()) {
    err << "ringback user add: \"" << login << "\" exists; use --replace to reset it\n";
    return kExitFatal;
  }
  // One login, one password: an account of another company joins this one only with its own
  // password (or --replace, which resets it everywhere).
  std::string password_hash;
  StatusOr<Account> account = store.GetAccount(login);
  if (account.ok() && !replace) {
    if (!web::VerifyPassword(password, account->password_hash)) {
      err << "ringback user add: \"" << login << "\" has an account in another company; give its password to add "
          << "it to " << company << ", or use --replace to reset the password everywhere\n";
      return kExitFatal;
    }
    password_hash = account->password_hash;
  } else {
    StatusOr<std::string> hash = web::HashPassword(password);
    if (!hash.ok()) {
      err << "ringback user add: " << hash.status().message() << "\n";
      return kExitFatal;
    }
    password_hash = *hash;
  }
  User user{login, name.empty() ? login : name, *role, password_hash,
            std::chrono::floor<Seconds>(std::chrono::system_clock::now()), false};
  if (Status s = store.PutUser(user); !s.ok()) {
    err << "ringback user add: " << s.message() << "\n";
    return kExitFatal;
  }
  out << "added " << login << " (" << AccessRoleName(*role) << ", " << user.person << ")";
  if (company != kDefaultCompany) out << " to company " << company;
  out << "\n";
  return kExitOk;
}

int List(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("List the web app's accounts of a company.", "user list");
  std::string db, company;
  app.add_option("--db", db, kDbHelp)->required();
  AddCompanyOption(app, company);
  if (auto code = ParseArgs(app, args, out, err)) return *code;
  std::unique_ptr<Store> store = OpenExistingStore(db, company, "user list", err);
  if (!store) return kExitFatal;
  Status s = store->ForEachUser([&](const User& u) {
    out << u.login << "\t" << AccessRoleName(u.role) << "\t" << u.person << (u.disabled ? "\tdisabled" : "") << "\n";
    return Status::Ok();
  });
  if (!s.ok()) {
    err << "ringback user list: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

int UserCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> rest(args.empty() ? args.begin() : args.begin() + 1, args.end());
  if (!args.empty() && args[0] == "add") return Add(rest, in, out, err);
  if (!args.empty() && args[0] == "list") return List(rest, out, err);
  err << "usage: ringback user add LOGIN --role ROLE --db DB [--company SLUG] [--name NAME] [--password-stdin]\n"
         "       ringback user list --db DB [--company SLUG]\n";
  return kExitUsage;
}

}  // namespace ringback::cli
