/* crm-team-server-page.c
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

#define G_LOG_DOMAIN "crm-team-server-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-server.h"
#include "crm-team-server-page.h"

/*
 * Preferences → Team Server (issue 10, item 3): where the office's
 * PostgreSQL server is and who signs in. Connect checks the connection on
 * a thread (crm_server_test_connection_async(), the command line's check
 * too), with a spinner, and says the server's reason when it fails; once
 * it succeeds the password goes to the keyring and the address, without
 * it, to the settings, so that the next start opens the server's
 * database. "Use This Computer's File" clears the address.
 */

struct _CrmTeamServerPage
{
  AdwPreferencesPage  parent_instance;

  /* Owned references */
  GSettings          *settings;
  GCancellable       *cancellable;
  CrmServer          *server;     /* the one being connected to */
  char               *password;   /* typed, until the keyring has it */
  guint               found_version;

  /* Template widgets */
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwComboRow         *tls_row;
  AdwPasswordEntryRow *password_row;
  GtkSpinner          *spinner;
  GtkButton           *connect_button;
  GtkButton           *local_button;
  GtkLabel            *status_label;
};

G_DEFINE_FINAL_TYPE (CrmTeamServerPage, crm_team_server_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What each TLS mode does, under the Encryption row, in CrmServerTls
 * order: only verify-full proves the server is the office's. */
static const char *
tls_explanation (CrmServerTls tls)
{
  switch (tls)
    {
    case CRM_SERVER_TLS_DISABLE:
      return _("Nothing is encrypted: only for a server on this computer.");
    case CRM_SERVER_TLS_PREFER:
      return _("Encrypted when the server offers it; the certificate is not checked.");
    case CRM_SERVER_TLS_REQUIRE:
      return _("Always encrypted; the certificate is not checked.");
    case CRM_SERVER_TLS_VERIFY_FULL:
    default:
      return _("Always encrypted, and the certificate and the host name are checked against the system’s authorities: the only mode that proves the server is yours.");
    }
}

static void
clear_password (CrmTeamServerPage *self)
{
  g_clear_pointer (&self->password, crm_server_password_free);
}

static void
show_status (CrmTeamServerPage *self,
             const char        *text,
             gboolean           failed)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (label, text != NULL);
  if (failed)
    {
      gtk_widget_remove_css_class (label, "success");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "success");
    }
}

static void
set_busy (CrmTeamServerPage *self,
          gboolean           busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team-server.connect", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team-server.use-local-file", !busy);
}

static void
sync_local_file (CrmTeamServerPage *self)
{
  g_autofree char *uri = self->settings ? g_settings_get_string (self->settings, "server") : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team-server.use-local-file",
                                 uri != NULL && *uri != '\0');
}

/* The rows show the address the settings keep. */
static void
load_settings (CrmTeamServerPage *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "server");
  g_autoptr(CrmServer) server = NULL;
  g_autofree char *port = NULL;

  if (*uri == '\0' || (server = crm_server_new_from_uri (uri, NULL)) == NULL)
    return;

  port = g_strdup_printf ("%u", crm_server_get_port (server));
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), crm_server_get_host (server));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), crm_server_get_database (server));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), crm_server_get_user (server));
  adw_combo_row_set_selected (self->tls_row, crm_server_get_tls (server));
}

/* The rows as a server, each part checked by CrmServer; the port is 1 to
 * 65535, PostgreSQL's own when left empty. */
static CrmServer *
server_from_rows (CrmTeamServerPage  *self,
                  GError            **error)
{
  const char *port_text = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  guint64 port = CRM_SERVER_DEFAULT_PORT;

  if (*port_text != '\0' &&
      (!g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &port, NULL)))
    {
      g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                           _("The port is a number from 1 to 65535."));
      return NULL;
    }

  return crm_server_new (gtk_editable_get_text (GTK_EDITABLE (self->host_row)), (guint)port,
                         gtk_editable_get_text (GTK_EDITABLE (self->database_row)),
                         gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                         (CrmServerTls)adw_combo_row_get_selected (self->tls_row), error);
}

/* What Connect found, besides that it may be opened. */
static char *
describe_database (CrmServer *server,
                   guint      version)
{
  g_autofree char *label = crm_server_dup_label (server);
  guint known = crm_server_get_known_schema_version ();

  if (version == 0)
    /* Translators: %s is a team server, as “dana on crm.example.com/deals” */
    return g_strdup_printf (_("Connected as %s. The database is empty: Deals sets it up when it opens it, and deals --copy-to-server moves a file into it. Deals opens it from the next start."),
                            label);

  if (version < known)
    return g_strdup_printf (_("Connected as %s. The database has schema %u; Deals updates it to %u when it opens it, from the next start."),
                            label, version, known);

  return g_strdup_printf (_("Connected as %s. Deals opens this database from the next start."), label);
}

static void
finish_connect (CrmTeamServerPage *self,
                guint              version)
{
  g_autofree char *uri = crm_server_dup_uri (self->server);
  g_autofree char *text = describe_database (self->server, version);

  g_settings_set_string (self->settings, "server", uri);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  set_busy (self, FALSE);
  sync_local_file (self);
  show_status (self, text, FALSE);
}

static void
fail_connect (CrmTeamServerPage *self,
              const char        *message)
{
  clear_password (self);
  set_busy (self, FALSE);
  sync_local_file (self);
  show_status (self, message, TRUE);
}

static void
store_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CrmTeamServerPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!crm_server_store_password_finish (CRM_SERVER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_connect (self, error->message);
      return;
    }

  clear_password (self);
  finish_connect (self, self->found_version);
}

static void
test_connection_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CrmTeamServerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint version = 0;

  if (!crm_server_test_connection_finish (CRM_SERVER (object), result, &version, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_connect (self, error->message);
      return;
    }

  /* Signed in: only now is the password worth keeping. */
  if (self->password != NULL)
    {
      self->found_version = version;
      crm_server_store_password_async (self->server, self->password, self->cancellable,
                                       store_password_cb, g_object_ref (self));
      return;
    }

  finish_connect (self, version);
}

static void
lookup_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CrmTeamServerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char *password;

  password = crm_server_lookup_password_finish (CRM_SERVER (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_connect (self, error->message);
      return;
    }

  if (password == NULL)
    {
      g_autofree char *message = NULL;

      label = crm_server_dup_label (self->server);
      /* Translators: %s is a team server, as “dana on crm.example.com/deals” */
      message = g_strdup_printf (_("Type the password: the keyring has none for %s."), label);
      fail_connect (self, message);
      return;
    }

  crm_server_test_connection_async (self->server, password, self->cancellable,
                                    test_connection_cb, g_object_ref (self));
  crm_server_password_free (password);
}

/* Actions */

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CrmTeamServerPage *self = CRM_TEAM_SERVER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  g_clear_object (&self->server);
  clear_password (self);
  self->server = server_from_rows (self, &error);
  if (self->server == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  if (strlen (typed) > CRM_SERVER_MAX_PASSWORD)
    {
      g_autofree char *message = g_strdup_printf (_("A password is 1 to %d characters."),
                                                  CRM_SERVER_MAX_PASSWORD);

      show_status (self, message, TRUE);
      return;
    }

  set_busy (self, TRUE);
  show_status (self, _("Connecting…"), FALSE);

  /* An empty password row means the one the keyring keeps. */
  if (*typed == '\0')
    {
      crm_server_lookup_password_async (self->server, self->cancellable,
                                        lookup_password_cb, g_object_ref (self));
      return;
    }

  self->password = g_strdup (typed);
  crm_server_test_connection_async (self->server, self->password, self->cancellable,
                                    test_connection_cb, g_object_ref (self));
}

static void
use_local_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CrmTeamServerPage *self = CRM_TEAM_SERVER_PAGE (widget);

  g_settings_reset (self->settings, "server");
  sync_local_file (self);
  show_status (self, _("Deals opens this computer’s file from the next start."), FALSE);
}

static void
tls_changed_cb (CrmTeamServerPage *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tls_row),
                               tls_explanation ((CrmServerTls)adw_combo_row_get_selected (self->tls_row)));
}

/* GObject overrides */

static void
crm_team_server_page_constructed (GObject *object)
{
  CrmTeamServerPage *self = (CrmTeamServerPage *)object;

  G_OBJECT_CLASS (crm_team_server_page_parent_class)->constructed (object);

  /* Without the application's (the tests'), the schema's own. */
  if (self->settings == NULL)
    self->settings = g_settings_new (SCHEMA_ID);

  load_settings (self);
  tls_changed_cb (self);
  sync_local_file (self);
}

static void
crm_team_server_page_dispose (GObject *object)
{
  CrmTeamServerPage *self = (CrmTeamServerPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TEAM_SERVER_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server);
  g_clear_object (&self->settings);
  clear_password (self);

  G_OBJECT_CLASS (crm_team_server_page_parent_class)->dispose (object);
}

static void
crm_team_server_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmTeamServerPage *self = CRM_TEAM_SERVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_team_server_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmTeamServerPage *self = CRM_TEAM_SERVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_team_server_page_class_init (CrmTeamServerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_team_server_page_constructed;
  object_class->dispose = crm_team_server_page_dispose;
  object_class->get_property = crm_team_server_page_get_property;
  object_class->set_property = crm_team_server_page_set_property;

  /**
   * CrmTeamServerPage:settings:
   *
   * The application's settings (schema `org.dealsdesk.Deals`), whose
   * `server` key the page keeps.
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-team-server-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, server_group);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, port_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, tls_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, local_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTeamServerPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, tls_changed_cb);

  gtk_widget_class_install_action (widget_class, "team-server.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "team-server.use-local-file", NULL, use_local_file_action);
}

static void
crm_team_server_page_init (CrmTeamServerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * crm_team_server_page_new:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer floating): a new Team Server page
 */
GtkWidget *
crm_team_server_page_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CRM_TYPE_TEAM_SERVER_PAGE, "settings", settings, NULL);
}

GSettings *
crm_team_server_page_get_settings (CrmTeamServerPage *self)
{
  g_return_val_if_fail (CRM_IS_TEAM_SERVER_PAGE (self), NULL);

  return self->settings;
}
