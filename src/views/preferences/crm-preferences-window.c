/* crm-preferences-window.c
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

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-preferences-window-private.h"

#include "crm-problem.h"
#include "crm-script-editor.h"
#include "crm-team-server-page.h"
#include "crm-toast.h"

#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-user.h"

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The order of the Style row's items. */
static const char * const color_schemes[] = { "default", "light", "dark" };

/* A quota row's spin button, and the rep a spin button sets the quota of;
 * the person a role drop-down sets the role of. */
static GQuark quota_spin_quark;
static GQuark quota_user_quark;
static GQuark role_user_quark;

/* The spin buttons' range; 0 means no quota. */
#define MAX_QUOTA 500

/* Helpers */

static const char *
role_label (CrmRole role)
{
  return role == CRM_ROLE_MANAGER ? _("Manager") : _("Rep");
}

void
_crm_preferences_window_add_toast (CrmPreferencesWindow *self,
                                   const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), crm_toast_new_text (message));
}

/* Who is working is not chosen here: on SQLite the file's owner is
 * signed in by the account running Deals (see docs/decisions.md). The row
 * only says who that is. */
static void
sync_signed_in (CrmPreferencesWindow *self)
{
  CrmUser *current = crm_store_get_current_user (self->store);
  const GError *owner_error = crm_store_get_owner_error (self->store);

  if (current != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->signed_in_row), crm_user_get_name (current));
      adw_action_row_set_subtitle (self->signed_in_row,
                                   crm_user_get_role (current) == CRM_ROLE_MANAGER ? _("You · Manager")
                                                                                  : _("You · Rep"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->signed_in_row), _("Nobody Signed In"));
      adw_action_row_set_subtitle (self->signed_in_row, owner_error != NULL ? owner_error->message : "");
    }
}

/* The spin buttons are only a hint of who may change quotas: the store
 * refuses anyone but a sales manager (RAD-4, TW-9), whatever is sensitive. */
gboolean
_crm_preferences_window_is_manager (CrmPreferencesWindow *self)
{
  CrmUser *current = crm_store_get_current_user (self->store);

  return current != NULL && crm_user_get_role (current) == CRM_ROLE_MANAGER;
}

static void
sync_quota_row (CrmPreferencesWindow *self,
                AdwActionRow         *row)
{
  GtkSpinButton *spin = g_object_get_qdata (G_OBJECT (row), quota_spin_quark);
  CrmUser *user = g_object_get_qdata (G_OBJECT (spin), quota_user_quark);
  guint quota = crm_store_get_quota (self->store, crm_user_get_id (user));
  gboolean can_change = _crm_preferences_window_is_manager (self);

  self->syncing_quotas = TRUE;
  gtk_spin_button_set_value (spin, quota);
  self->syncing_quotas = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (spin), can_change);
  if (!can_change)
    adw_action_row_set_subtitle (row, _("Only a sales manager can change quotas"));
  else if (quota == 0)
    adw_action_row_set_subtitle (row, _("No quota"));
  else
    adw_action_row_set_subtitle (row, "");
}

static void
sync_quotas (CrmPreferencesWindow *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->quotas_list, i)) != NULL; i++)
    sync_quota_row (self, ADW_ACTION_ROW (row));
}

/* The organisation's settings, like quotas, are the sales manager's; the
 * rows show a rep what is set, and the store refuses a rep anyway. */
static void
sync_organization (CrmPreferencesWindow *self)
{
  g_autofree char *name = crm_store_dup_setting (self->store, "organization-name");
  g_autofree char *cc = crm_store_dup_setting (self->store, "call-summary-cc");
  gboolean can_change = _crm_preferences_window_is_manager (self);

  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_cc_row), cc != NULL ? cc : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->organization_row), can_change);
  gtk_widget_set_sensitive (GTK_WIDGET (self->summary_cc_row), can_change);

  /* AXL-7: the name a call opens with is also the quote's first line. */
  adw_preferences_group_set_description (self->organization_group,
                                         can_change
                                         ? _("Reps say the organisation’s name when a call opens; "
                                             "quotes carry it at their top.")
                                         : _("Only a sales manager can change the department’s settings."));
  _crm_preferences_window_sync_header (self);
}

static void
sync_call_scripts (CrmPreferencesWindow *self)
{
  gboolean can_change = _crm_preferences_window_is_manager (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.edit-call-scripts", can_change);
  adw_action_row_set_subtitle (self->call_scripts_row,
                               can_change
                               ? _("Stages, prompts, questions and objections reps are led through")
                               : _("Only a sales manager can edit the call scripts."));
}

static void
setup_procedure (CrmPreferencesWindow *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);

  if (procedure == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->procedure_row),
                                     _("No procedure is installed yet"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->procedure_row),
                                     crm_text_get (crm_procedure_get_name (procedure)));
      adw_action_row_set_subtitle (self->procedure_row,
                                   crm_text_get (crm_procedure_get_description (procedure)));
    }

  adw_action_row_set_subtitle (self->database_row, crm_store_get_path (self->store));
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

/* Signal callbacks */

static void sync_people (CrmPreferencesWindow *self);

typedef struct
{
  CrmPreferencesWindow *self;
  gint64                user_id;
  CrmRole               role;
} RoleChange;

static void
role_change_free (gpointer data)
{
  RoleChange *change = data;

  g_object_unref (change->self);
  g_free (change);
}

/* Done, the store reloads its people and the rows are made anew; refused
 * (the last manager), the row goes back to what the store holds. */
static gboolean
apply_role_change (gpointer data)
{
  RoleChange *change = data;
  CrmPreferencesWindow *self = change->self;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  if (!crm_store_set_user_role (self->store, change->user_id, change->role, &error))
    {
      _crm_preferences_window_add_toast (self, error->message);
      sync_people (self);
    }

  return G_SOURCE_REMOVE;
}

static void
role_selected_cb (CrmPreferencesWindow *self,
                  GParamSpec           *pspec,
                  GtkDropDown          *dropdown)
{
  CrmUser *user = g_object_get_qdata (G_OBJECT (dropdown), role_user_quark);
  RoleChange *change;

  change = g_new0 (RoleChange, 1);
  change->self = g_object_ref (self);
  change->user_id = crm_user_get_id (user);
  /* The role list is in CrmRole order: Rep, then Manager. */
  change->role = gtk_drop_down_get_selected (dropdown) == 1 ? CRM_ROLE_MANAGER : CRM_ROLE_REP;

  if (change->role == crm_user_get_role (user))
    {
      role_change_free (change);
      return;
    }

  /* Either way the rows are made again, which must not happen while the
   * drop-down is still telling its own selection. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_role_change, change, role_change_free);
}

/* A manager chooses each person's role; for a rep the list only says who
 * is who. The store refuses a rep either way. */
static GtkWidget *
create_user_row_cb (gpointer item,
                    gpointer user_data)
{
  CrmPreferencesWindow *self = user_data;
  CrmUser *user = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_user_get_name (user));

  if (!_crm_preferences_window_is_manager (self))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role_label (crm_user_get_role (user)));
      return row;
    }

  dropdown = gtk_drop_down_new_from_strings ((const char * const []) { role_label (CRM_ROLE_REP),
                                                                       role_label (CRM_ROLE_MANAGER),
                                                                       NULL });
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_widget_set_tooltip_text (dropdown, _("Role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), crm_user_get_role (user) == CRM_ROLE_MANAGER ? 1 : 0);
  g_object_set_qdata_full (G_OBJECT (dropdown), role_user_quark, g_object_ref (user), g_object_unref);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  return row;
}

/* The rows are made for who works now: a role change of the current user
 * makes them again. Only a manager sees Add Person. */
static void
sync_people (CrmPreferencesWindow *self)
{
  gtk_list_box_bind_model (self->users_list, crm_store_get_users (self->store),
                           create_user_row_cb, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->add_person_list), _crm_preferences_window_is_manager (self));
  /* On a server a person signs in as a login role of their own. */
  gtk_widget_set_visible (GTK_WIDGET (self->login_row), crm_store_is_team_server (self->store));
}

static gboolean
is_rep_cb (gpointer item,
           gpointer user_data)
{
  return crm_user_get_role (CRM_USER (item)) == CRM_ROLE_REP;
}

static void
quota_changed_cb (CrmPreferencesWindow *self,
                  GtkSpinButton        *spin)
{
  CrmUser *user = g_object_get_qdata (G_OBJECT (spin), quota_user_quark);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW);
  guint per_day = (guint)gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  /* Putting a refused value back emits again, once the first emission is
   * over (the adjustment does not recurse): nothing to send then. */
  if (self->syncing_quotas || per_day == crm_store_get_quota (self->store, crm_user_get_id (user)))
    return;

  if (!crm_store_set_quota (self->store, crm_user_get_id (user), per_day, &error))
    _crm_preferences_window_add_toast (self, error->message);

  /* What the store holds: the new value, or the old one if it refused. */
  if (row != NULL)
    sync_quota_row (self, ADW_ACTION_ROW (row));
}

static GtkWidget *
create_quota_row_cb (gpointer item,
                     gpointer user_data)
{
  CrmPreferencesWindow *self = user_data;
  CrmUser *user = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_QUOTA, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_user_get_name (user));

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_user_get_name (user),
                                  -1);
  g_object_set_qdata_full (G_OBJECT (spin), quota_user_quark, g_object_ref (user), g_object_unref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_qdata (G_OBJECT (row), quota_spin_quark, spin);

  sync_quota_row (self, ADW_ACTION_ROW (row));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (quota_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return row;
}

static void
organization_apply_cb (CrmPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_row))));
  g_autoptr(GError) error = NULL;

  if (!crm_store_set_setting (self->store, "organization-name", name, &error))
    _crm_preferences_window_add_toast (self, error->message);
  else
    _crm_preferences_window_add_toast (self, _("Organisation name saved"));

  sync_organization (self);
}

static void
show_summary_cc_problem (CrmPreferencesWindow *self,
                         const char           *message)
{
  crm_problem_show (GTK_WIDGET (self->summary_cc_row), message);
  gtk_label_set_text (self->summary_cc_problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_cc_problem_label), message != NULL);
}

static void
summary_cc_changed_cb (CrmPreferencesWindow *self)
{
  /* A refusal was about what was typed before. */
  show_summary_cc_problem (self, NULL);
}

static void
summary_cc_apply_cb (CrmPreferencesWindow *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_cc_row))));
  g_autoptr(GError) error = NULL;

  /* TW-4: the store checks the address; what it refuses stays typed in
   * the row, marked, so it can be corrected. */
  if (!crm_store_set_setting (self->store, "call-summary-cc", address, &error))
    {
      show_summary_cc_problem (self, error->message);
      _crm_preferences_window_add_toast (self, error->message);
      return;
    }

  sync_organization (self);
  _crm_preferences_window_add_toast (self, *address != '\0' ? _("Call summaries will also go to this address")
                                    : _("Call summaries go to the sales manager only"));
}

static void
call_scripts_saved_cb (CrmPreferencesWindow *self)
{
  _crm_preferences_window_add_toast (self, _("Call scripts saved"));
}

static void
users_changed_cb (CrmPreferencesWindow *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  GListModel           *users)
{
  sync_signed_in (self);
}

static void
store_current_user_changed_cb (CrmPreferencesWindow *self,
                               GParamSpec           *pspec,
                               CrmStore             *store)
{
  sync_signed_in (self);
  sync_people (self);
  sync_quotas (self);
  sync_organization (self);
  sync_call_scripts (self);
  /* The catalogue's actions follow who works. */
  _crm_preferences_window_sync_catalogue (self);
}

static void
add_person_cb (CrmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_person_row))));
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  /* The role list is in CrmRole order: Rep, then Manager. */
  CrmRole role = gtk_drop_down_get_selected (self->role_dropdown) == 1 ? CRM_ROLE_MANAGER : CRM_ROLE_REP;
  g_autofree char *message = NULL;

  if (crm_store_add_person (self->store, name, *login != '\0' ? login : NULL, role, &error) == 0)
    {
      _crm_preferences_window_add_toast (self, error->message);
      return;
    }

  /* Translators: %s is the name of the person just added */
  message = g_strdup_printf (_("%s was added"), name);
  _crm_preferences_window_add_toast (self, message);
  gtk_editable_set_text (GTK_EDITABLE (self->add_person_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
}

/* Actions */

static void
copy_database_path_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), crm_store_get_path (self->store));
  _crm_preferences_window_add_toast (self, _("Path copied"));
}

static void
edit_call_scripts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  GtkWidget *editor = crm_script_editor_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (call_scripts_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* GObject overrides */

static void
crm_preferences_window_constructed (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *)object;
  GListModel *users;

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "color-scheme",
                                  self->color_scheme_row, "selected",
                                  G_SETTINGS_BIND_DEFAULT,
                                  color_scheme_get_mapping,
                                  color_scheme_set_mapping,
                                  NULL, NULL);

  setup_procedure (self);

  /* Team mode (issue 10): where the office's server is, on a page of its
   * own, since it keeps the application's settings, not the store's. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (crm_team_server_page_new (self->settings)));

  users = crm_store_get_users (self->store);
  /* Quotas are set for reps; the filter follows the people as they are added. */
  self->reps = gtk_filter_list_model_new (g_object_ref (users),
                                          GTK_FILTER (gtk_custom_filter_new (is_rep_cb, NULL, NULL)));
  gtk_list_box_bind_model (self->quotas_list, G_LIST_MODEL (self->reps),
                           create_quota_row_cb, self, NULL);

  g_signal_connect_object (users, "items-changed", G_CALLBACK (users_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::current-user", G_CALLBACK (store_current_user_changed_cb),
                           self, G_CONNECT_SWAPPED);

  sync_signed_in (self);
  sync_people (self);

  sync_organization (self);
  sync_call_scripts (self);
  _crm_preferences_window_setup_catalogue (self);
}

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *)object;

  /* The store outlives the window; stop following it. */
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (crm_store_get_users (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->products);
  g_clear_object (&self->product_filter);
  g_clear_object (&self->reps);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_preferences_window_constructed;
  object_class->dispose = crm_preferences_window_dispose;
  object_class->get_property = crm_preferences_window_get_property;
  object_class->set_property = crm_preferences_window_set_property;

  /**
   * CrmPreferencesWindow:store:
   *
   * The store whose procedure and people are shown.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmPreferencesWindow:settings:
   *
   * The application's settings (schema `org.dealsdesk.Deals`).
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, signed_in_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, users_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, add_person_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, add_person_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, quotas_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, organization_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, organization_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, summary_cc_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, summary_cc_problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, call_scripts_row);
  gtk_widget_class_bind_template_callback (widget_class, add_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, organization_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_cc_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_cc_changed_cb);

  quota_spin_quark = g_quark_from_static_string ("crm-preferences-quota-spin");
  quota_user_quark = g_quark_from_static_string ("crm-preferences-quota-user");
  role_user_quark = g_quark_from_static_string ("crm-preferences-role-user");

  gtk_widget_class_install_action (widget_class, "preferences.copy-database-path", NULL,
                                   copy_database_path_action);
  gtk_widget_class_install_action (widget_class, "preferences.edit-call-scripts", NULL,
                                   edit_call_scripts_action);

  _crm_preferences_window_class_init_catalogue (widget_class);
  _crm_preferences_window_class_init_header (widget_class);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * crm_preferences_window_new:
 * @store: the store
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer floating): a new preferences window
 */
GtkWidget *
crm_preferences_window_new (CrmStore  *store,
                            GSettings *settings)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       "settings", settings,
                       NULL);
}

CrmStore *
crm_preferences_window_get_store (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

GSettings *
crm_preferences_window_get_settings (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
