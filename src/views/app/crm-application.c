/* crm-application.c
 *
 * Copyright 2026 The Deals authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-agenda-item.h"
#include "crm-application.h"
#include "crm-deal.h"
#include "crm-demo.h"
#include "crm-leads.h"
#include "crm-preferences-window.h"
#include "crm-procedure.h"
#include "crm-quote-document.h"
#include "crm-server-sign-in.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-task-notifier.h"
#include "crm-window.h"

/* The D-Bus interface that answers for a lead (see the Add method). */
#define LEADS_INTERFACE     "org.dealsdesk.Deals.Leads"
#define LEADS_ERROR_REFUSED "org.dealsdesk.Deals.Leads.Error.Refused"

/* How many deals --demo creates: enough to fill a board, few enough to read. */
#define DEMO_DEALS 60

struct _CrmApplication
{
  AdwApplication  parent_instance;

  CrmStore        *store;
  GSettings       *settings;
  CrmTaskNotifier *task_notifier;

  /* Command line */
  char           *database_path;
  char           *server_uri;
  gboolean        remember_password;
  char           *copy_to_server;
  /* The settings' team server, signed in to when the window opens. */
  char           *pending_server;
  gboolean        signing_in;
  char           *procedure_id;
  gboolean        demo;
  gint64          deal_id;
  char           *move_to;
  GStrv           set_values;
  char           *reopen_reason;

  /* --new-lead */
  gboolean        new_lead;
  char           *lead_name;
  char           *lead_phone;
  char           *lead_email;
  char           *lead_company;
  char           *lead_source;
  char           *lead_campaign;

  /* --render-quote */
  char           *render_quote;
  char           *output_path;
  char           *language;

  /* Why the database could not be opened, shown in the window. */
  GError         *open_error;

  /* The Leads D-Bus interface */
  guint           leads_registration;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database FILE instead of the one in the user data folder"), N_("FILE") },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the team server’s database at URI, e.g. postgresql://dana@crm.example.com/deals, signing in with the password the keyring keeps"),
    N_("URI") },
  { "remember-password", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --server: read the password from standard input, keep it in the keyring, and exit"), NULL },
  { "copy-to-server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Copy the database file (--database, or the usual one) into the empty database of the team server at URI, check every table’s rows on both sides, and exit; nothing stays on the server if anything fails"),
    N_("URI") },
  { "procedure", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set up a new database with the procedure ID, or with the template in FILE.json"), N_("ID") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill a new database with demo data"), NULL },
  { "deal", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("The deal a command acts on"), N_("ID") },
  { "move-to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Move the deal given with --deal to the stage KEY of its pipeline, and exit"), N_("KEY") },
  { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --move-to, give a field the stage requires, e.g. --set niche=Dentists (repeatable)"), N_("FIELD=VALUE") },
  { "reopen", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Reopen the won or lost deal given with --deal, saying why (into the stage given with --move-to, or where it was closed from), and exit"),
    N_("REASON") },
  { "new-lead", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add a lead (a missed call, a web form) without opening a window, and exit"), NULL },
  { "name", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: the person’s name"), N_("NAME") },
  { "phone", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: the phone number"), N_("PHONE") },
  { "email", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: the email address"), N_("EMAIL") },
  { "company", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: the company"), N_("COMPANY") },
  { "source", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: where it came from, one of the procedure’s source keys, e.g. missed_call"), N_("SOURCE") },
  { "campaign", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --new-lead: the campaign"), N_("CAMPAIGN") },
  { "render-quote", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the PDF of the quote NUMBER (e.g. Q-2026-0001, or Q-2026-0001/2 for a revision) to the file given with --output, and exit"),
    N_("NUMBER") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --render-quote: the PDF file to write"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --render-quote: render a draft in this language (en, he or ru) instead of its own"), N_("LANGUAGE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static gboolean
crm_application_prepare_store (CrmApplication  *self,
                               GError         **error)
{
  g_autofree char *path = NULL;
  CrmStoreOpenFlags flags;

  /* A database is created at the default location, or in a file named
   * with --database when --procedure asks to set one up; a mistyped
   * --database alone creates nothing (see docs/decisions.md). */
  if (self->database_path == NULL)
    flags = CRM_STORE_OPEN_CREATE | CRM_STORE_OPEN_CREATE_FOLDER;
  else if (self->procedure_id != NULL)
    flags = CRM_STORE_OPEN_CREATE;
  else
    flags = CRM_STORE_OPEN_NONE;

  path = self->database_path ? g_strdup (self->database_path) : crm_store_dup_default_path ();
  self->store = crm_store_open_full (path, flags, error);
  if (self->store == NULL)
    return FALSE;

  if (self->procedure_id != NULL)
    {
      g_autoptr(CrmProcedure) procedure = crm_procedure_load (self->procedure_id, error);

      if (procedure == NULL || !crm_store_install_procedure (self->store, procedure, error))
        return FALSE;
    }

  if (self->demo && crm_store_get_procedure (self->store) != NULL)
    return crm_demo_populate (self->store, DEMO_DEALS, CRM_DEMO_SEED, error);

  return TRUE;
}

static char *
stage_keys_of (CrmStore *store,
               gint64    pipeline_id)
{
  g_autoptr(GListModel) stages = crm_store_get_stages (store, pipeline_id);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (keys->len > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, crm_stage_get_key (stage));
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* The headless move: the same store call as a drop on the board, so a
 * script cannot do what the board would refuse. */
static int
crm_application_move_deal (CrmApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) missing = NULL;
  CrmStage *from, *to;

  for (guint i = 0; self->set_values != NULL && self->set_values[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (self->set_values[i], "=", 2);

      if (pair[0] == NULL || pair[1] == NULL || pair[0][0] == '\0')
        {
          g_printerr (_("deals: --set takes FIELD=VALUE, not “%s”\n"), self->set_values[i]);
          return 1;
        }
      g_hash_table_insert (values, g_strdup (pair[0]), g_strdup (pair[1]));
    }

  deal = crm_store_load_deal (self->store, self->deal_id, &error);
  if (deal == NULL)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  to = crm_store_find_stage_by_key (self->store, crm_deal_get_pipeline_id (deal), self->move_to);
  if (to == NULL)
    {
      g_autofree char *keys = stage_keys_of (self->store, crm_deal_get_pipeline_id (deal));

      g_printerr (_("deals: unknown stage “%s” for this deal’s pipeline (known: %s)\n"), self->move_to, keys);
      return 1;
    }

  from = crm_store_find_stage (self->store, crm_deal_get_stage_id (deal));
  /* The stage's rules apply here as on the board: missing fields are
   * named, and --set supplies them by the keys the refusal found. */
  if (!crm_store_move_deal_full (self->store, self->deal_id, crm_stage_get_id (to), values, NULL,
                                 &missing, &error))
    {
      g_printerr ("deals: %s\n", error->message);
      if (missing != NULL)
        {
          g_autofree char *keys = g_strjoinv (", ", missing);

          /* Translators: --set is the option; the field keys follow, as typed */
          g_printerr (_("deals: give them with --set FIELD=VALUE, for the fields: %s\n"), keys);
        }
      return 1;
    }

  g_print (_("Moved “%s” from %s to %s\n"), crm_deal_get_title (deal),
           from ? crm_stage_get_name (from) : "?", crm_stage_get_name (to));
  return 0;
}

/* Reopening is its own verb: --move-to never takes a deal out of a won
 * or lost stage, as a drop on the board does not. */
static int
crm_application_reopen_deal (CrmApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(CrmDeal) reopened = NULL;
  CrmStage *to = NULL;

  deal = crm_store_load_deal (self->store, self->deal_id, &error);
  if (deal == NULL)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  if (self->move_to != NULL)
    {
      to = crm_store_find_stage_by_key (self->store, crm_deal_get_pipeline_id (deal), self->move_to);
      if (to == NULL)
        {
          g_autofree char *keys = stage_keys_of (self->store, crm_deal_get_pipeline_id (deal));

          g_printerr (_("deals: unknown stage “%s” for this deal’s pipeline (known: %s)\n"), self->move_to, keys);
          return 1;
        }
    }

  if (!crm_store_reopen_deal (self->store, self->deal_id, to ? crm_stage_get_id (to) : 0,
                              self->reopen_reason, &error) ||
      (reopened = crm_store_load_deal (self->store, self->deal_id, &error)) == NULL)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  g_print (_("Reopened “%s” in %s\n"), crm_deal_get_title (reopened),
           crm_stage_get_name (crm_store_find_stage (self->store, crm_deal_get_stage_id (reopened))));
  return 0;
}

/* AXL-1, HS-1: a lead from outside the app, deduplicated by phone and
 * email. Used by --new-lead, the Leads D-Bus interface and the "new-lead"
 * D-Bus action. */
static gint64
crm_application_add_lead (CrmApplication  *self,
                          const char      *name,
                          const char      *phone,
                          const char      *email,
                          const char      *company,
                          const char      *source,
                          const char      *campaign,
                          gint64          *deal_id,
                          gboolean        *was_duplicate,
                          GError         **error)
{
  *deal_id = 0;

  if (self->store == NULL || crm_store_get_procedure (self->store) == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                           _("Pick a procedure before adding leads."));
      return 0;
    }

  /* AXL-1: a missed call becomes a deal with a call-back task at once. */
  if (crm_store_is_missed_call_source (self->store, source) &&
      email == NULL && company == NULL && campaign == NULL)
    return crm_store_add_missed_call (self->store, phone, name, deal_id, was_duplicate, error);

  return crm_store_add_lead (self->store, name, phone, email, company, source, campaign,
                             was_duplicate, error);
}

static int
crm_application_new_lead (CrmApplication *self)
{
  g_autoptr(GError) error = NULL;
  gboolean duplicate = FALSE;
  gint64 deal_id = 0;
  gint64 id;

  id = crm_application_add_lead (self, self->lead_name, self->lead_phone, self->lead_email,
                                 self->lead_company, self->lead_source, self->lead_campaign,
                                 &deal_id, &duplicate, &error);
  if (id == 0)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  if (deal_id != 0)
    g_print (_("Deal %lld waits for a call back\n"), (long long)deal_id);

  if (duplicate)
    g_print (_("Lead %lld already exists; nothing was added\n"), (long long)id);
  else
    g_print (_("Lead %lld added\n"), (long long)id);

  return 0;
}

/* The bytes a quote is written as: a sent quote's are the ones that went
 * out, kept with the deal; a draft is rendered now by the same pure
 * function the editor's preview and printing use. */
static GBytes *
quote_pdf_of (CrmApplication  *self,
              CrmQuote        *quote,
              GError         **error)
{
  g_autofree char *number = crm_quote_dup_display_number (quote);

  if (crm_quote_get_state (quote) != CRM_QUOTE_DRAFT)
    {
      if (self->language != NULL && g_strcmp0 (self->language, crm_quote_get_language (quote)) != 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Quote %s was sent in “%s”; it is written as it went out, and --language cannot change it"),
                       number, crm_quote_get_language (quote));
          return NULL;
        }

      return crm_store_load_quote_pdf (self->store, crm_quote_get_id (quote), NULL, error);
    }

  /* Rendering in another language changes nothing that is stored. */
  if (self->language != NULL)
    crm_quote_set_language (quote, self->language);

  return crm_quote_document_render (quote, error);
}

static int
crm_application_render_quote (CrmApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (self->language != NULL && !crm_quote_language_is_supported (self->language))
    {
      g_printerr (_("deals: unknown language “%s” (known: en, he, ru)\n"), self->language);
      return 1;
    }

  if ((quote = crm_store_find_quote (self->store, self->render_quote, &error)) == NULL ||
      (pdf = quote_pdf_of (self, quote, &error)) == NULL ||
      !g_file_set_contents (self->output_path, g_bytes_get_data (pdf, NULL),
                            g_bytes_get_size (pdf), &error))
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
crm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CrmApplication *self = CRM_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  gboolean scripted;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("deals %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);
  g_variant_dict_lookup (options, "server", "s", &self->server_uri);
  self->remember_password = g_variant_dict_contains (options, "remember-password");
  g_variant_dict_lookup (options, "copy-to-server", "s", &self->copy_to_server);
  g_variant_dict_lookup (options, "procedure", "s", &self->procedure_id);
  self->demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "deal", "x", &self->deal_id);
  g_variant_dict_lookup (options, "move-to", "s", &self->move_to);
  g_variant_dict_lookup (options, "set", "^as", &self->set_values);
  g_variant_dict_lookup (options, "reopen", "s", &self->reopen_reason);
  self->new_lead = g_variant_dict_contains (options, "new-lead");
  g_variant_dict_lookup (options, "name", "s", &self->lead_name);
  g_variant_dict_lookup (options, "phone", "s", &self->lead_phone);
  g_variant_dict_lookup (options, "email", "s", &self->lead_email);
  g_variant_dict_lookup (options, "company", "s", &self->lead_company);
  g_variant_dict_lookup (options, "source", "s", &self->lead_source);
  g_variant_dict_lookup (options, "campaign", "s", &self->lead_campaign);
  g_variant_dict_lookup (options, "render-quote", "s", &self->render_quote);
  g_variant_dict_lookup (options, "output", "^ay", &self->output_path);
  g_variant_dict_lookup (options, "language", "s", &self->language);
  scripted = self->database_path || self->procedure_id || self->demo || self->move_to ||
             self->reopen_reason || self->new_lead || self->render_quote || self->copy_to_server;

  if ((self->move_to != NULL || self->reopen_reason != NULL) != (self->deal_id != 0))
    {
      g_printerr ("%s\n", _("deals: --deal goes with --move-to or --reopen"));
      return 1;
    }

  if ((self->render_quote != NULL) != (self->output_path != NULL) ||
      (self->language != NULL && self->render_quote == NULL))
    {
      g_printerr ("%s\n", _("deals: --render-quote goes with --output, and --language only with them"));
      return 1;
    }

  if (self->server_uri != NULL && self->database_path != NULL)
    {
      g_printerr ("%s\n", _("deals: --server and --database each name a database: give one"));
      return 1;
    }

  if (self->copy_to_server != NULL && self->server_uri != NULL)
    {
      g_printerr ("%s\n", _("deals: --copy-to-server copies a file: name it with --database, not --server"));
      return 1;
    }

  /* The usual file is copied as it is: a copy never creates one. */
  if (self->copy_to_server != NULL && self->database_path == NULL)
    self->database_path = crm_store_dup_default_path ();

  if (self->remember_password && self->server_uri == NULL)
    {
      g_printerr ("%s\n", _("deals: --remember-password goes with --server"));
      return 1;
    }

  /* Issue 10: a team server's database is opened like a file, by its
   * address, once the keyring's password is in hand. */
  if (self->server_uri != NULL)
    {
      int status = crm_server_sign_in_command_line (self->server_uri, self->remember_password,
                                                    &self->database_path);

      if (status >= 0)
        return status;
      scripted = TRUE;
    }

  /* Another database means another window set: don't hand the request to
   * an instance that already runs on a different file. */
  if (self->database_path != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (self->procedure_id != NULL)
    {
      g_autoptr(CrmProcedure) procedure = crm_procedure_load (self->procedure_id, &error);

      if (procedure == NULL)
        {
          g_printerr ("deals: %s\n", error->message);
          return 1;
        }
    }

  /* The database is opened here, before any window, so that a command line
   * naming a bad file ends with a message and a non-zero status. Started
   * from the desktop, the same message is shown in the window instead. */
  /* Started from the desktop, the window opens the team server the
   * settings name; scripts keep to the file they name or the usual one. */
  if (!scripted && self->database_path == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
      g_autofree char *server = g_settings_get_string (settings, "server");

      if (*server != '\0')
        self->pending_server = g_steal_pointer (&server);
    }

  if (self->pending_server == NULL && !crm_application_prepare_store (self, &error))
    {
      g_printerr ("deals: %s\n", error->message);
      if (self->procedure_id == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_printerr ("%s\n", _("deals: to set up a new database in that file, name its procedure with --procedure ID"));
      if (scripted)
        return 1;
      self->open_error = g_steal_pointer (&error);
    }

  if (self->copy_to_server != NULL)
    return crm_server_copy_command_line (self->store, self->copy_to_server);

  if (self->reopen_reason != NULL)
    return crm_application_reopen_deal (self);

  if (self->move_to != NULL)
    return crm_application_move_deal (self);

  if (self->new_lead)
    return crm_application_new_lead (self);

  if (self->render_quote != NULL)
    return crm_application_render_quote (self);

  return G_APPLICATION_CLASS (crm_application_parent_class)->handle_local_options (app, options);
}

static void
crm_application_apply_color_scheme (CrmApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
color_scheme_changed_cb (CrmApplication *self)
{
  crm_application_apply_color_scheme (self);
}

static GtkWindow *
crm_application_ensure_window (CrmApplication *self)
{
  GtkWindow *window = NULL;

  /* The active window may be a deal card. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CRM_IS_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (crm_window_new (GTK_APPLICATION (self), self->store, self->open_error));

      if (self->demo)
        crm_window_set_demo_on_setup (CRM_WINDOW (window), DEMO_DEALS);
    }

  return window;
}

static void task_due_cb (CrmApplication *self,
                         CrmAgendaItem  *item);

/* Tasks coming due are announced for the store the windows show. */
static void
crm_application_watch_tasks (CrmApplication *self)
{
  if (self->store == NULL || self->task_notifier != NULL)
    return;

  self->task_notifier = crm_task_notifier_new (self->store);
  g_signal_connect_object (self->task_notifier, "task-due",
                           G_CALLBACK (task_due_cb), self, G_CONNECT_SWAPPED);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CrmApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *window;

  self->store = crm_server_sign_in_finish (result, &error);
  g_clear_pointer (&self->pending_server, g_free);

  /* A server that cannot be reached must not leave the person without
   * Deals: this computer's file opens, and the window says why. */
  if (self->store == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* Translators: %s says why, in the server's or the keyring's words */
      message = g_strdup_printf (_("The team server’s database could not be opened, so this computer’s file is open. (%s)"),
                                 error->message);
      g_message ("%s", message);
      if (!crm_application_prepare_store (self, &local_error))
        self->open_error = g_steal_pointer (&local_error);
    }

  crm_application_watch_tasks (self);
  window = crm_application_ensure_window (self);
  gtk_window_present (window);
  if (message != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s", message);
  g_application_release (G_APPLICATION (self));
}

static void
crm_application_activate (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);

  if (self->pending_server != NULL)
    {
      if (!self->signing_in)
        {
          self->signing_in = TRUE;
          g_application_hold (app);
          crm_server_sign_in_async (self->pending_server, NULL, signed_in_cb, g_object_ref (self));
        }
      return;
    }

  gtk_window_present (crm_application_ensure_window (self));
}

/* RAD-6: a task of the rep came due while Deals runs. Clicking the
 * notification opens the deal. */
static void
task_due_cb (CrmApplication *self,
             CrmAgendaItem  *item)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = crm_agenda_item_dup_deal_line (item);
  g_autofree char *id = NULL;

  notification = g_notification_new (crm_agenda_item_get_task_title (item));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.open-deal",
                                                      g_variant_new_int64 (crm_agenda_item_get_deal_id (item)));

  id = g_strdup_printf ("task-%" G_GINT64_FORMAT, crm_agenda_item_get_task_id (item));
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
crm_application_startup (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  static const char *new_deal_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);

  self->settings = g_settings_new (SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  crm_application_apply_color_scheme (self);

  /* Who works is the file's owner, signed in by the store itself when it
   * opened: the command line, D-Bus and the windows all act as them. */
  crm_application_watch_tasks (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-deal", new_deal_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  if (self->store == NULL)
    return;

  preferences = crm_preferences_window_new (self->store, self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CrmApplication *self = user_data;
  static const char *developers[] = { "The Deals authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Deals"),
                        "developer-name", _("The Deals authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("A sales CRM that runs your department’s written procedure."),
                        "website", "https://dealsdesk.org",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_deal_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *window;

  if (self->store == NULL)
    return;

  window = crm_application_ensure_window (self);
  gtk_window_present (window);
  crm_window_open_deal (CRM_WINDOW (window), g_variant_get_int64 (param));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A lead sent over D-Bus, as a dictionary of strings: name, phone, email,
 * company, source, campaign. The window, if any, says what happened. */
static gint64
crm_application_take_lead (CrmApplication  *self,
                           GVariant        *fields,
                           gint64          *deal_id,
                           gboolean        *duplicate,
                           GError         **error)
{
  g_autofree char *name = NULL, *phone = NULL, *email = NULL;
  g_autofree char *company = NULL, *source = NULL, *campaign = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gint64 id;

  /* The parameter is a{ss}, which GVariantDict (a{sv} only) cannot read. */
  g_variant_lookup (fields, "name", "s", &name);
  g_variant_lookup (fields, "phone", "s", &phone);
  g_variant_lookup (fields, "email", "s", &email);
  g_variant_lookup (fields, "company", "s", &company);
  g_variant_lookup (fields, "source", "s", &source);
  g_variant_lookup (fields, "campaign", "s", &campaign);

  id = crm_application_add_lead (self, name, phone, email, company, source, campaign,
                                 deal_id, duplicate, error);

  /* The window says what happened through its action, as every view
   * does; a window without it (none is open yet) simply shows nothing. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s",
                                id == 0 ? (*error)->message
                                        : *duplicate ? _("A known lead called again") : _("New lead"));

  return id;
}

/* The "new-lead" action, kept for the telephony bridges and form handlers
 * that activate it over org.gtk.Actions. An action cannot answer, so a
 * refused lead is only logged and shown: callers that need to know use
 * the Leads interface's Add method below. */
static void
new_lead_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  CrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = FALSE;
  gint64 deal_id = 0;

  if (crm_application_take_lead (self, param, &deal_id, &duplicate, &error) == 0)
    g_warning ("A new lead was refused: %s", error->message);
}

/* org.dealsdesk.Deals.Leads on the application's object path: Add takes
 * the same dictionary as the action and answers with the lead's id, the
 * deal waiting for a call back (0 for none) and whether the lead was known
 * already, or with the error that refused it. */
static const char leads_interface_xml[] =
  "<node>"
  "  <interface name='" LEADS_INTERFACE "'>"
  "    <method name='Add'>"
  "      <arg type='a{ss}' name='fields' direction='in'/>"
  "      <arg type='x' name='lead' direction='out'/>"
  "      <arg type='x' name='deal' direction='out'/>"
  "      <arg type='b' name='known' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
leads_method_call (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  CrmApplication *self = user_data;
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = FALSE;
  gint64 deal_id = 0;
  gint64 id;

  /* The interface has one method; GDBus checked the signature. */
  g_variant_get (parameters, "(@a{ss})", &fields);

  id = crm_application_take_lead (self, fields, &deal_id, &duplicate, &error);
  if (id == 0)
    {
      g_dbus_method_invocation_return_dbus_error (invocation, LEADS_ERROR_REFUSED, error->message);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(xxb)", id, deal_id, duplicate));
}

static const GDBusInterfaceVTable leads_vtable = {
  .method_call = leads_method_call,
};

static gboolean
crm_application_dbus_register (GApplication     *app,
                               GDBusConnection  *connection,
                               const char       *object_path,
                               GError          **error)
{
  CrmApplication *self = CRM_APPLICATION (app);
  g_autoptr(GDBusNodeInfo) node = NULL;

  if (!G_APPLICATION_CLASS (crm_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  node = g_dbus_node_info_new_for_xml (leads_interface_xml, error);
  if (node == NULL)
    return FALSE;

  self->leads_registration = g_dbus_connection_register_object (connection, object_path, node->interfaces[0],
                                                                &leads_vtable, self, NULL, error);
  return self->leads_registration != 0;
}

static void
crm_application_dbus_unregister (GApplication    *app,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  CrmApplication *self = CRM_APPLICATION (app);

  if (self->leads_registration != 0)
    g_dbus_connection_unregister_object (connection, self->leads_registration);
  self->leads_registration = 0;

  G_APPLICATION_CLASS (crm_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static const GActionEntry app_actions[] = {
  { "new-lead", new_lead_action, "a{ss}" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "open-deal", open_deal_action, "x" },
  { "quit", quit_action },
};

static void
crm_application_finalize (GObject *object)
{
  CrmApplication *self = (CrmApplication *)object;

  g_clear_object (&self->task_notifier);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->server_uri, g_free);
  g_clear_pointer (&self->copy_to_server, g_free);
  g_clear_pointer (&self->pending_server, g_free);
  g_clear_pointer (&self->procedure_id, g_free);
  g_clear_pointer (&self->move_to, g_free);
  g_clear_pointer (&self->set_values, g_strfreev);
  g_clear_pointer (&self->reopen_reason, g_free);
  g_clear_pointer (&self->lead_name, g_free);
  g_clear_pointer (&self->lead_phone, g_free);
  g_clear_pointer (&self->lead_email, g_free);
  g_clear_pointer (&self->lead_company, g_free);
  g_clear_pointer (&self->lead_source, g_free);
  g_clear_pointer (&self->lead_campaign, g_free);
  g_clear_pointer (&self->render_quote, g_free);
  g_clear_pointer (&self->output_path, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (crm_application_parent_class)->finalize (object);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = crm_application_finalize;

  app_class->handle_local_options = crm_application_handle_local_options;
  app_class->startup = crm_application_startup;
  app_class->activate = crm_application_activate;
  app_class->dbus_register = crm_application_dbus_register;
  app_class->dbus_unregister = crm_application_dbus_unregister;
}

static void
crm_application_init (CrmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Deals — a sales CRM for office sales teams"));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/dealsdesk/Deals",
                       NULL);
}

/**
 * crm_application_get_store:
 * @self: a #CrmApplication
 *
 * Returns: (transfer none) (nullable): the store, or %NULL when the database
 *   could not be opened
 */
CrmStore *
crm_application_get_store (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
crm_application_get_settings (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->settings;
}
