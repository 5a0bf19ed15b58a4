/* crm-leads-view.c
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

#define G_LOG_DOMAIN "crm-leads-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-import-dialog.h"
#include "crm-lead-list.h"
#include "crm-leads.h"
#include "crm-leads-view.h"
#include "crm-phone.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-toast.h"

/* "Leads": the leads still to be classified (HS-3), one view per source
 * (HS-1) in a sidebar, the web form's being the "Leadometer". Each row
 * classifies its lead through the store: "Relevant" opens a deal in the
 * first stage (HS-3) and makes the contact an opportunity (HS-4); the
 * menu next to it gives the other classifications. Enter on a row opens
 * the same choices as a menu, so that the keyboard never classifies by
 * accident.
 *
 * The list is a CrmLeadList of the selected source, read a page at a time;
 * what a row shows beyond the contact is worked out for the rows read
 * only. The sidebar's counts are one grouped count. The store's
 * "leads-changed" says when a write may have changed the leads (one
 * added, over D-Bus too, imported or classified, or made an opportunity
 * by a deal): shown, the view reads again; hidden, it counts for the
 * page's badge and reads the rows when shown. A move on the board between
 * open stages changes no lead and costs the view nothing. Being shown
 * again counts too, for what another program wrote into the file. */

struct _CrmLeadsView
{
  AdwBin              parent_instance;

  CrmStore           *store;
  GSignalGroup       *store_signals;
  CrmLeadList        *leads;
  GtkSingleSelection *selection;
  GHashTable         *counts;      /* source key → leads, as last read */
  guint               n_counted;
  guint               rows_stale : 1;  /* the leads changed while hidden */
  GHashTable         *companies;   /* company id → name, for the rows read */
  GListStore         *sources;
  GtkSingleSelection *source_selection;
  char               *source;
  GtkWidget          *classify_menu;
  guint               n_leads;
  guint               updating_sources : 1;

  /* Template widgets */
  GtkListView        *sources_view;
  GtkListView        *list_view;
  GtkStack           *stack;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (CrmLeadsView, crm_leads_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_LEADS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What a lead's row shows beyond the contact's own fields, worked out when
 * the leads are loaded so that the row template binds to pure functions. */
typedef struct
{
  char *details;
  char *origin;
} LeadText;

/* A source of the sidebar: the item's string is the source's key, empty
 * for all leads. */
typedef struct
{
  char  *title;
  guint  count;
} SourceText;

static GQuark lead_text_quark;
static GQuark source_text_quark;

static const struct {
  const char *classification;
  const char *label;
} other_classifications[] = {
  { CRM_CLASSIFICATION_SUPPLIER, N_("Supplier") },
  { CRM_CLASSIFICATION_PARTNER, N_("Partner") },
  { CRM_CLASSIFICATION_NOT_RELEVANT, N_("Not Relevant") },
  { CRM_CLASSIFICATION_JUNK, N_("Junk") },
};

static void
lead_text_free (gpointer data)
{
  LeadText *text = data;

  g_free (text->details);
  g_free (text->origin);
  g_free (text);
}

static void
source_text_free (gpointer data)
{
  SourceText *text = data;

  g_free (text->title);
  g_free (text);
}

static const LeadText *
lead_text_of (CrmContact *contact)
{
  static const LeadText empty = { NULL, NULL };
  const LeadText *text = NULL;

  if (contact != NULL)
    text = g_object_get_qdata (G_OBJECT (contact), lead_text_quark);

  return text != NULL ? text : &empty;
}

static const SourceText *
source_text_of (GtkStringObject *item)
{
  static const SourceText empty = { NULL, 0 };
  const SourceText *text = NULL;

  if (item != NULL)
    text = g_object_get_qdata (G_OBJECT (item), source_text_quark);

  return text != NULL ? text : &empty;
}

/* Helpers */

static char *
source_title (CrmLeadsView *self,
              const char   *key)
{
  CrmProcedure *procedure;

  if (key == NULL || key[0] == '\0')
    return g_strdup (_("All Leads"));

  procedure = self->store != NULL ? crm_store_get_procedure (self->store) : NULL;
  for (guint i = 0; procedure != NULL && i < crm_procedure_get_n_sources (procedure); i++)
    {
      const CrmProcedureChoice *choice = crm_procedure_get_source (procedure, i);

      if (g_strcmp0 (choice->key, key) == 0)
        return g_strdup (crm_text_get (&choice->name));
    }

  /* A source the procedure does not know, as a list named it. */
  return g_strdup (key);
}

static char *
company_name (CrmLeadsView *self,
              GHashTable   *companies,
              gint64        company_id)
{
  g_autoptr(CrmCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (company_id <= 0)
    return NULL;

  if (g_hash_table_contains (companies, &company_id))
    return g_strdup (g_hash_table_lookup (companies, &company_id));

  company = crm_store_load_company (self->store, company_id, &error);
  if (company == NULL)
    g_warning ("Cannot read company %" G_GINT64_FORMAT ": %s", company_id, error->message);
  name = company != NULL ? crm_company_get_name (company) : NULL;

  g_hash_table_insert (companies, g_memdup2 (&company_id, sizeof company_id), g_strdup (name));

  return g_strdup (name);
}

static void
annotate_lead (CrmContact *contact,
               gpointer    user_data)
{
  CrmLeadsView *self = user_data;
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  const char *region = procedure != NULL ? crm_procedure_get_country (procedure) : NULL;
  const char * const *phones = crm_contact_get_phones (contact);
  const char * const *emails = crm_contact_get_emails (contact);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) origin = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *company = NULL;
  const char *campaign;
  LeadText *text;

  if (phones != NULL && phones[0] != NULL)
    g_ptr_array_add (details, crm_phone_format (phones[0], region));
  if (emails != NULL && emails[0] != NULL)
    g_ptr_array_add (details, g_strdup (emails[0]));
  company = company_name (self, self->companies, crm_contact_get_company_id (contact));
  if (company != NULL && company[0] != '\0')
    g_ptr_array_add (details, g_steal_pointer (&company));
  g_ptr_array_add (details, NULL);

  if (crm_contact_get_source (contact) != NULL)
    g_ptr_array_add (origin, source_title (self, crm_contact_get_source (contact)));
  campaign = crm_contact_get_campaign (contact);
  if (campaign != NULL && campaign[0] != '\0')
    g_ptr_array_add (origin, g_strdup (campaign));
  g_ptr_array_add (origin, NULL);

  text = g_new0 (LeadText, 1);
  /* Translators: separates a lead's phone, email and company, and its
   * source and campaign, on one line */
  text->details = g_strjoinv (C_("lead details", " · "), (char **) details->pdata);
  text->origin = g_strjoinv (C_("lead details", " · "), (char **) origin->pdata);

  g_object_set_qdata_full (G_OBJECT (contact), lead_text_quark, text, lead_text_free);
}

static GtkStringObject *
new_source_item (CrmLeadsView *self,
                 const char   *key,
                 guint         count)
{
  GtkStringObject *item = gtk_string_object_new (key);
  SourceText *text = g_new0 (SourceText, 1);

  text->title = source_title (self, key);
  text->count = count;
  g_object_set_qdata_full (G_OBJECT (item), source_text_quark, text, source_text_free);

  return item;
}

static gboolean
same_source (GtkStringObject *a,
             GtkStringObject *b)
{
  return g_strcmp0 (gtk_string_object_get_string (a), gtk_string_object_get_string (b)) == 0 &&
         g_strcmp0 (source_text_of (a)->title, source_text_of (b)->title) == 0 &&
         source_text_of (a)->count == source_text_of (b)->count;
}

static void
crm_leads_view_update_header (CrmLeadsView *self)
{
  g_autofree char *title = source_title (self, self->source);
  g_autofree char *count = NULL;
  guint n_shown;

  /* The models can outlive the template's widgets while the view is
   * disposed. */
  if (self->title_label == NULL || self->selection == NULL)
    return;

  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  /* Translators: how many leads the selected view has to classify */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lead to classify", "%u leads to classify", n_shown),
                           n_shown);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
}

static int
compare_keys (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The list shows the selected source's leads, a page at a time. */
static void
crm_leads_view_show_source (CrmLeadsView *self)
{
  g_autoptr(CrmLeadList) leads = NULL;

  if (self->leads != NULL)
    crm_lead_list_set_annotate_func (self->leads, NULL, NULL);
  g_clear_object (&self->leads);

  if (self->store == NULL)
    {
      g_autoptr(GListStore) empty = g_list_store_new (CRM_TYPE_CONTACT);

      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (empty));
      return;
    }

  leads = crm_lead_list_new (self->store, self->source);
  crm_lead_list_set_annotate_func (leads, annotate_lead, self);
  self->leads = g_object_ref (leads);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (leads));
}

static void
crm_leads_view_select_source_item (CrmLeadsView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      const char *key = gtk_string_object_get_string (item);

      if (g_strcmp0 (key[0] ? key : NULL, self->source) == 0)
        {
          gtk_single_selection_set_selected (self->source_selection, i);
          return;
        }
    }

  /* The source's leads are all classified: back to all leads. */
  if (self->source != NULL)
    {
      g_clear_pointer (&self->source, g_free);
      crm_leads_view_show_source (self);
    }
  gtk_single_selection_set_selected (self->source_selection, 0);
}

/* Replaces the sources that changed; all of them when their number did. */
static void
crm_leads_view_update_sources (CrmLeadsView *self,
                               GPtrArray    *fresh)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  self->updating_sources = TRUE;

  if (n_items != fresh->len)
    g_list_store_splice (self->sources, 0, n_items, fresh->pdata, fresh->len);
  else
    for (guint i = 0; i < n_items; i++)
      {
        g_autoptr(GtkStringObject) old = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

        if (!same_source (old, g_ptr_array_index (fresh, i)))
          g_list_store_splice (self->sources, i, 1, &g_ptr_array_index (fresh, i), 1);
      }

  crm_leads_view_select_source_item (self);
  self->updating_sources = FALSE;
}

static void
crm_leads_view_set_n_leads (CrmLeadsView *self,
                            guint         n_leads)
{
  if (self->n_leads == n_leads)
    return;

  self->n_leads = n_leads;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_LEADS]);
}

static void
crm_leads_view_add_toast (CrmLeadsView *self,
                          AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(AdwToast) owned = toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
      return;
    }

  crm_toast_show (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static const char *
classification_label (const char *classification)
{
  if (g_strcmp0 (classification, CRM_CLASSIFICATION_RELEVANT) == 0)
    return _("Relevant");

  for (guint i = 0; i < G_N_ELEMENTS (other_classifications); i++)
    if (g_strcmp0 (classification, other_classifications[i].classification) == 0)
      return _(other_classifications[i].label);

  return classification;
}

static GMenuItem *
classify_menu_item (gint64      contact_id,
                    const char *classification)
{
  GMenuItem *item = g_menu_item_new (classification_label (classification), NULL);

  g_menu_item_set_action_and_target_value (item, "leads.classify",
                                           g_variant_new ("(xs)", contact_id, classification));

  return item;
}

/* The classifications other than "Relevant"; with it first for the
 * keyboard's menu. */
static GMenuModel *
classify_menu_new (gint64   contact_id,
                   gboolean with_relevant)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();

  if (with_relevant)
    {
      g_autoptr(GMenu) relevant = g_menu_new ();
      g_autoptr(GMenuItem) item = classify_menu_item (contact_id, CRM_CLASSIFICATION_RELEVANT);

      g_menu_append_item (relevant, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (relevant));
    }

  for (guint i = 0; i < G_N_ELEMENTS (other_classifications); i++)
    {
      g_autoptr(GMenuItem) item = classify_menu_item (contact_id, other_classifications[i].classification);

      g_menu_append_item (others, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));

  return G_MENU_MODEL (menu);
}

static void
crm_leads_view_classify (CrmLeadsView *self,
                         gint64        contact_id,
                         const char   *classification)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean had_focus;
  gint64 deal_id = 0;
  AdwToast *toast;

  g_assert (CRM_IS_LEADS_VIEW (self));

  if (self->store == NULL)
    return;

  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list_view)) ||
              gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) != NULL;

  /* HS-3, HS-4: the store opens the deal through the first stage's rules
   * and refuses a lead those rules do not accept (HS-2). Its
   * "leads-changed" has the view read again. */
  if (!crm_store_classify_lead (self->store, contact_id, classification, &deal_id, &error))
    {
      toast = crm_toast_new_text (error->message);
      /* Why nothing happened is shown at once, not after other news. */
      crm_leads_view_add_toast (self, toast);
      return;
    }

  if (had_focus && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  if (deal_id != 0)
    {
      toast = adw_toast_new (_("Deal opened"));
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-deal");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (deal_id));
    }
  else
    {
      /* Translators: a toast; %s is a classification, as “Junk” */
      title = g_markup_printf_escaped (_("Lead classified as %s"), classification_label (classification));
      toast = adw_toast_new (title);
    }

  crm_leads_view_add_toast (self, toast);
}

/* Row template closures: pure functions of the item. */

static char *
source_row_title (gpointer         list_item,
                  GtkStringObject *item)
{
  return g_strdup (source_text_of (item)->title);
}

static char *
source_row_count (gpointer         list_item,
                  GtkStringObject *item)
{
  return item != NULL ? g_strdup_printf ("%u", source_text_of (item)->count) : NULL;
}

static char *
lead_row_name (gpointer    list_item,
               CrmContact *contact)
{
  const char *name;

  if (contact == NULL)
    return NULL;

  name = crm_contact_get_name (contact);

  return g_strdup (name != NULL && name[0] != '\0' ? name : _("No name"));
}

static char *
lead_row_details (gpointer    list_item,
                  CrmContact *contact)
{
  return g_strdup (lead_text_of (contact)->details);
}

static char *
lead_row_origin (gpointer    list_item,
                 CrmContact *contact)
{
  return g_strdup (lead_text_of (contact)->origin);
}

static gboolean
lead_row_has_origin (gpointer    list_item,
                     CrmContact *contact)
{
  const char *origin = lead_text_of (contact)->origin;

  return origin != NULL && origin[0] != '\0';
}

static GVariant *
lead_row_relevant_target (gpointer    list_item,
                          CrmContact *contact)
{
  return g_variant_new ("(xs)", contact != NULL ? crm_contact_get_id (contact) : 0,
                        CRM_CLASSIFICATION_RELEVANT);
}

static char *
lead_row_classify_action (gpointer    list_item,
                          CrmContact *contact)
{
  return contact != NULL ? g_strdup ("leads.classify") : NULL;
}

static GMenuModel *
lead_row_menu (gpointer    list_item,
               CrmContact *contact)
{
  if (contact == NULL)
    return NULL;

  return classify_menu_new (crm_contact_get_id (contact), FALSE);
}

/* Signal callbacks */

static void
source_selected_cb (CrmLeadsView *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (self->source_selection);
  const char *key = item != NULL ? gtk_string_object_get_string (item) : NULL;

  if (self->updating_sources)
    return;

  crm_leads_view_set_source (self, key != NULL && key[0] != '\0' ? key : NULL);
}

static void
filtered_changed_cb (CrmLeadsView *self)
{
  crm_leads_view_update_header (self);
}

static void
list_activate_cb (CrmLeadsView *self,
                  guint         position)
{
  g_autoptr(CrmContact) contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t bounds;
  GtkWidget *focus;

  if (contact == NULL)
    return;

  /* Enter classifies nothing by itself: it offers the choices. */
  menu = classify_menu_new (crm_contact_get_id (contact), TRUE);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->classify_menu), menu);

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)) &&
      gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->classify_menu),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->classify_menu), NULL);

  gtk_popover_popup (GTK_POPOVER (self->classify_menu));
}

/* Whether the leads' counts moved since they were last read; a change
 * that classified, added or took a lead moves one of them. */
static gboolean
counts_moved (CrmLeadsView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  if (self->store == NULL || self->counts == NULL)
    return self->store != NULL;

  counts = crm_store_count_leads_by_source (self->store, &total, &error);
  if (counts == NULL)
    {
      g_warning ("Cannot count the leads: %s", error->message);
      return FALSE;
    }

  if (total != self->n_counted || g_hash_table_size (counts) != g_hash_table_size (self->counts))
    return TRUE;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (self->counts, key) != value)
      return TRUE;

  return FALSE;
}

/* The store's "leads-changed": a committed write may have changed the
 * leads. Hidden, the view counts them for the page's badge, which follows
 * while another page is shown, and reads the rows when shown again. */
static void
store_leads_changed_cb (CrmLeadsView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      crm_leads_view_reload (self);
      return;
    }

  self->rows_stale = TRUE;
  if (crm_store_get_procedure (self->store) == NULL)
    return;

  counts = crm_store_count_leads_by_source (self->store, &total, &error);
  if (counts == NULL)
    {
      g_warning ("Cannot count the leads: %s", error->message);
      return;
    }
  crm_leads_view_set_n_leads (self, total);
}

/* Actions */

static void
classify_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autofree char *classification = NULL;
  gint64 contact_id;

  /* A copy: the reload after the change recycles the row whose button
   * owns @param. */
  g_variant_get (param, "(xs)", &contact_id, &classification);
  crm_leads_view_classify (CRM_LEADS_VIEW (widget), contact_id, classification);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CrmLeadsView *self = CRM_LEADS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = crm_import_dialog_new (self->store, NULL);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
crm_leads_view_map (GtkWidget *widget)
{
  CrmLeadsView *self = CRM_LEADS_VIEW (widget);

  if (self->rows_stale || counts_moved (self))
    crm_leads_view_reload (self);

  GTK_WIDGET_CLASS (crm_leads_view_parent_class)->map (widget);
}

static void
crm_leads_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CrmLeadsView *self = CRM_LEADS_VIEW (widget);

  GTK_WIDGET_CLASS (crm_leads_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->classify_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->classify_menu));
}

static void
crm_leads_view_dispose (GObject *object)
{
  CrmLeadsView *self = (CrmLeadsView *)object;

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  g_clear_pointer (&self->classify_menu, gtk_widget_unparent);

  /* AdwBin keeps its own pointer to the template's root: let it drop the
   * child before the template's references go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_LEADS_VIEW);

  if (self->leads != NULL)
    crm_lead_list_set_annotate_func (self->leads, NULL, NULL);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->leads);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->companies, g_hash_table_unref);
  g_clear_object (&self->source_selection);
  g_clear_object (&self->sources);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_leads_view_parent_class)->dispose (object);
}

static void
crm_leads_view_finalize (GObject *object)
{
  CrmLeadsView *self = (CrmLeadsView *)object;

  g_free (self->source);

  G_OBJECT_CLASS (crm_leads_view_parent_class)->finalize (object);
}

static void
crm_leads_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmLeadsView *self = CRM_LEADS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_LEADS:
      g_value_set_uint (value, self->n_leads);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_leads_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmLeadsView *self = CRM_LEADS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_leads_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_leads_view_class_init (CrmLeadsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_leads_view_dispose;
  object_class->finalize = crm_leads_view_finalize;
  object_class->get_property = crm_leads_view_get_property;
  object_class->set_property = crm_leads_view_set_property;

  widget_class->map = crm_leads_view_map;
  widget_class->size_allocate = crm_leads_view_size_allocate;

  /**
   * CrmLeadsView:store:
   *
   * The store whose leads the view shows.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmLeadsView:n-leads:
   *
   * How many leads of all sources are still to be classified: the number
   * on the page's badge.
   */
  properties [PROP_N_LEADS] =
    g_param_spec_uint ("n-leads", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  lead_text_quark = g_quark_from_static_string ("crm-leads-view-lead-text");
  source_text_quark = g_quark_from_static_string ("crm-leads-view-source-text");

  g_type_ensure (CRM_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-leads-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmLeadsView, sources_view);
  gtk_widget_class_bind_template_child (widget_class, CrmLeadsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmLeadsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmLeadsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLeadsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  /* The row templates' closures resolve in the template's scope. */
  gtk_widget_class_bind_template_callback (widget_class, source_row_title);
  gtk_widget_class_bind_template_callback (widget_class, source_row_count);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_name);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_details);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_origin);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_has_origin);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_relevant_target);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_classify_action);
  gtk_widget_class_bind_template_callback (widget_class, lead_row_menu);

  /**
   * CrmLeadsView|leads.classify:
   * @parameter: the contact's id and one of the `CRM_CLASSIFICATION_*` values
   *
   * Classifies a lead (HS-3); "relevant" opens a deal (HS-4).
   */
  gtk_widget_class_install_action (widget_class, "leads.classify", "(xs)", classify_action);
  gtk_widget_class_install_action (widget_class, "leads.import", NULL, import_action);
}

static void
crm_leads_view_init (CrmLeadsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->companies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (CRM_TYPE_CONTACT)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (filtered_changed_cb), self, G_CONNECT_SWAPPED);

  self->sources = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->source_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sources)));
  gtk_list_view_set_model (self->sources_view, GTK_SELECTION_MODEL (self->source_selection));
  g_signal_connect_object (self->source_selection, "notify::selected",
                           G_CALLBACK (source_selected_cb), self, G_CONNECT_SWAPPED);

  self->classify_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->classify_menu, GTK_WIDGET (self));

  self->store_signals = g_signal_group_new (CRM_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "leads-changed",
                                 G_CALLBACK (store_leads_changed_cb), self, G_CONNECT_SWAPPED);

  crm_leads_view_update_header (self);
}

/* Public API */

/**
 * crm_leads_view_get_store:
 * @self: a #CrmLeadsView
 *
 * Returns: (transfer none) (nullable): the store
 */
CrmStore *
crm_leads_view_get_store (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return self->store;
}

void
crm_leads_view_set_store (CrmLeadsView *self,
                          CrmStore     *store)
{
  g_return_if_fail (CRM_IS_LEADS_VIEW (self));
  g_return_if_fail (!store || CRM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);
  crm_leads_view_show_source (self);
  crm_leads_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * crm_leads_view_reload:
 * @self: a #CrmLeadsView
 *
 * Counts the leads to classify and their sources again, and reads the
 * rows the list shows afresh. The view does this itself when the store
 * says the leads changed, and when it is shown again if they changed
 * meanwhile.
 */
void
crm_leads_view_reload (CrmLeadsView *self)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0, total = 0;

  g_return_if_fail (CRM_IS_LEADS_VIEW (self));

  if (self->store != NULL && crm_store_get_procedure (self->store) != NULL)
    {
      counts = crm_store_count_leads_by_source (self->store, &total, &error);
      if (counts == NULL)
        g_warning ("Cannot count the leads: %s", error->message);
    }
  if (counts == NULL)
    counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  keys = g_hash_table_get_keys_as_array (counts, &n_keys);
  g_qsort_with_data (keys, n_keys, sizeof (gpointer), (GCompareDataFunc) compare_keys, NULL);

  /* HS-1: all leads first, then one view per source. */
  g_ptr_array_add (sources, new_source_item (self, "", total));
  for (guint i = 0; i < n_keys; i++)
    g_ptr_array_add (sources,
                     new_source_item (self, keys[i], GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys[i]))));

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = g_steal_pointer (&counts);
  self->n_counted = total;
  self->rows_stale = FALSE;

  /* The rows read again, with their companies. */
  g_hash_table_remove_all (self->companies);
  if (self->leads != NULL)
    crm_lead_list_reload (self->leads);
  else
    crm_leads_view_show_source (self);

  crm_leads_view_update_sources (self, sources);
  crm_leads_view_set_n_leads (self, total);
  crm_leads_view_update_header (self);
}

/**
 * crm_leads_view_get_n_leads:
 * @self: a #CrmLeadsView
 *
 * Returns: how many leads of all sources are still to be classified
 */
guint
crm_leads_view_get_n_leads (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), 0);

  return self->n_leads;
}

/**
 * crm_leads_view_get_list_view:
 * @self: a #CrmLeadsView
 *
 * Returns: (transfer none): the list of the selected source's leads
 */
GtkListView *
crm_leads_view_get_list_view (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return self->list_view;
}

/**
 * crm_leads_view_get_model:
 * @self: a #CrmLeadsView
 *
 * Returns: (transfer none): the leads the list shows, #CrmContact items
 */
GListModel *
crm_leads_view_get_model (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * crm_leads_view_get_sources_view:
 * @self: a #CrmLeadsView
 *
 * Returns: (transfer none): the sidebar of sources
 */
GtkListView *
crm_leads_view_get_sources_view (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return self->sources_view;
}

/**
 * crm_leads_view_get_sources_model:
 * @self: a #CrmLeadsView
 *
 * Returns: (transfer none): the sidebar's #GtkSingleSelection of
 *   #GtkStringObject items, the source keys; the first, empty, is all leads
 */
GListModel *
crm_leads_view_get_sources_model (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return G_LIST_MODEL (self->source_selection);
}

/**
 * crm_leads_view_get_source:
 * @self: a #CrmLeadsView
 *
 * Returns: (nullable): the source whose leads the list shows, %NULL for all
 */
const char *
crm_leads_view_get_source (CrmLeadsView *self)
{
  g_return_val_if_fail (CRM_IS_LEADS_VIEW (self), NULL);

  return self->source;
}

/**
 * crm_leads_view_set_source:
 * @self: a #CrmLeadsView
 * @source: (nullable): a source key, or %NULL for all leads
 *
 * Shows the leads of one source (HS-1).
 */
void
crm_leads_view_set_source (CrmLeadsView *self,
                           const char   *source)
{
  g_return_if_fail (CRM_IS_LEADS_VIEW (self));

  if (source != NULL && source[0] == '\0')
    source = NULL;

  if (g_strcmp0 (self->source, source) != 0)
    {
      g_free (self->source);
      self->source = g_strdup (source);
      crm_leads_view_show_source (self);
    }

  self->updating_sources = TRUE;
  crm_leads_view_select_source_item (self);
  self->updating_sources = FALSE;
  crm_leads_view_update_header (self);
}
