/* crm-quote-variant.c
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


#define G_LOG_DOMAIN "crm-quote-variant"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-quote-private.h"

/* A variant of a quote (AXL-9): its name and its ordered lines. The quote,
 * the editor's preview and the totals row all listen to one "changed"
 * instead of to every line. */
struct _CrmQuoteVariant
{
  GObject     parent_instance;

  char       *name;
  GListStore *lines;      /* (element-type CrmQuoteLine) */
  gboolean    moving;     /* one move is one change, not a remove and an insert */
};

G_DEFINE_FINAL_TYPE (CrmQuoteVariant, crm_quote_variant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LINES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/**
 * crm_quote_totals_clear:
 * @totals: totals filled by crm_quote_variant_compute_totals()
 */
void
crm_quote_totals_clear (CrmQuoteTotals *totals)
{
  g_return_if_fail (totals != NULL);

  g_clear_pointer (&totals->rates, g_array_unref);
  totals->net = totals->vat = totals->total = 0;
}

static void
emit_changed (CrmQuoteVariant *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_line_notify (CrmQuoteVariant *self)
{
  emit_changed (self);
}

static void
on_items_changed (CrmQuoteVariant *self)
{
  if (!self->moving)
    emit_changed (self);
}

static void
crm_quote_variant_dispose (GObject *object)
{
  CrmQuoteVariant *self = (CrmQuoteVariant *)object;
  guint n_lines = self->lines != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lines)) : 0;

  /* A line may outlive its variant in an undo stack: stop hearing it. */
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      g_signal_handlers_disconnect_by_func (line, on_line_notify, self);
    }

  g_clear_object (&self->lines);

  G_OBJECT_CLASS (crm_quote_variant_parent_class)->dispose (object);
}

static void
crm_quote_variant_finalize (GObject *object)
{
  CrmQuoteVariant *self = (CrmQuoteVariant *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_quote_variant_parent_class)->finalize (object);
}

static void
crm_quote_variant_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmQuoteVariant *self = CRM_QUOTE_VARIANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_variant_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmQuoteVariant *self = CRM_QUOTE_VARIANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      crm_quote_variant_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_variant_class_init (CrmQuoteVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_quote_variant_dispose;
  object_class->finalize = crm_quote_variant_finalize;
  object_class->get_property = crm_quote_variant_get_property;
  object_class->set_property = crm_quote_variant_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmQuoteVariant::changed:
   *
   * Its name changed, a line was added, removed or moved, or a line's
   * field changed: what the totals and the PDF are made of.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_quote_variant_init (CrmQuoteVariant *self)
{
  self->lines = g_list_store_new (CRM_TYPE_QUOTE_LINE);
  g_signal_connect_object (self->lines, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
}

/**
 * crm_quote_variant_new:
 * @name: what the variant is called on the quote, e.g. "Variant 1"
 *
 * Returns: (transfer full): a variant with no lines
 */
CrmQuoteVariant *
crm_quote_variant_new (const char *name)
{
  return g_object_new (CRM_TYPE_QUOTE_VARIANT, "name", name, NULL);
}

/**
 * crm_quote_variant_copy:
 * @self: a #CrmQuoteVariant
 *
 * Returns: (transfer full): a variant with copies of the lines, sharing
 *   nothing with @self
 */
CrmQuoteVariant *
crm_quote_variant_copy (CrmQuoteVariant *self)
{
  CrmQuoteVariant *copy;
  guint n_lines;

  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (self), NULL);

  copy = crm_quote_variant_new (self->name);
  n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autoptr(CrmQuoteLine) line_copy = crm_quote_line_copy (line);

      crm_quote_variant_append_line (copy, line_copy);
    }

  return copy;
}

const char *
crm_quote_variant_get_name (CrmQuoteVariant *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (self), NULL);

  return self->name;
}

void
crm_quote_variant_set_name (CrmQuoteVariant *self,
                            const char      *name)
{
  g_return_if_fail (CRM_IS_QUOTE_VARIANT (self));

  if (!_crm_quote_set_string (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  emit_changed (self);
}

/**
 * crm_quote_variant_get_lines:
 * @self: a #CrmQuoteVariant
 *
 * Returns: (transfer none): the lines, a #GListModel of #CrmQuoteLine; change
 *   them through the variant
 */
GListModel *
crm_quote_variant_get_lines (CrmQuoteVariant *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/**
 * crm_quote_variant_insert_line:
 * @self: a #CrmQuoteVariant
 * @position: where @line goes; past the end appends
 * @line: a line that is in no variant
 */
void
crm_quote_variant_insert_line (CrmQuoteVariant *self,
                               guint            position,
                               CrmQuoteLine    *line)
{
  g_return_if_fail (CRM_IS_QUOTE_VARIANT (self));
  g_return_if_fail (CRM_IS_QUOTE_LINE (line));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->lines)));

  g_signal_connect_object (line, "notify", G_CALLBACK (on_line_notify), self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->lines, position, line);
}

void
crm_quote_variant_append_line (CrmQuoteVariant *self,
                               CrmQuoteLine    *line)
{
  crm_quote_variant_insert_line (self, G_MAXUINT, line);
}

/**
 * crm_quote_variant_remove_line:
 * @self: a #CrmQuoteVariant
 * @position: a line's position
 *
 * Returns: (transfer full): the removed line, for an undo to put back
 */
CrmQuoteLine *
crm_quote_variant_remove_line (CrmQuoteVariant *self,
                               guint            position)
{
  CrmQuoteLine *line;

  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (self), NULL);
  g_return_val_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->lines)), NULL);

  line = g_list_model_get_item (G_LIST_MODEL (self->lines), position);
  g_signal_handlers_disconnect_by_func (line, on_line_notify, self);
  g_list_store_remove (self->lines, position);

  return line;
}

/**
 * crm_quote_variant_move_line:
 * @self: a #CrmQuoteVariant
 * @from: the line's position
 * @to: its new position, counted in the list without it
 *
 * Emits "changed" once.
 */
void
crm_quote_variant_move_line (CrmQuoteVariant *self,
                             guint            from,
                             guint            to)
{
  g_autoptr(CrmQuoteLine) line = NULL;
  guint n_lines;

  g_return_if_fail (CRM_IS_QUOTE_VARIANT (self));

  n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_return_if_fail (from < n_lines && to < n_lines);

  if (from == to)
    return;

  line = g_list_model_get_item (G_LIST_MODEL (self->lines), from);
  self->moving = TRUE;
  g_list_store_remove (self->lines, from);
  g_list_store_insert (self->lines, to, line);
  self->moving = FALSE;

  emit_changed (self);
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  const CrmVatTotal *rate_a = a;
  const CrmVatTotal *rate_b = b;

  return (rate_a->vat_rate > rate_b->vat_rate) - (rate_a->vat_rate < rate_b->vat_rate);
}

/* The nets of the lines summed per VAT rate, ascending by rate. */
static GArray *
sum_nets_by_rate (CrmQuoteVariant  *self,
                  GError          **error)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, TRUE, sizeof (CrmVatTotal));
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      guint vat_rate = crm_quote_line_get_vat_rate (line);
      CrmVatTotal *slot = NULL;
      gint64 net;

      if (!crm_quote_line_compute_net (line, &net, error))
        return NULL;

      for (guint j = 0; j < rates->len && slot == NULL; j++)
        if (g_array_index (rates, CrmVatTotal, j).vat_rate == vat_rate)
          slot = &g_array_index (rates, CrmVatTotal, j);

      if (slot == NULL)
        {
          g_array_append_val (rates, ((CrmVatTotal) { .vat_rate = vat_rate }));
          slot = &g_array_index (rates, CrmVatTotal, rates->len - 1);
        }

      if (!_crm_quote_fits ((__int128) slot->net + net, &slot->net))
        {
          _crm_quote_too_large (error);
          return NULL;
        }
    }

  g_array_sort (rates, compare_rates);

  return g_steal_pointer (&rates);
}

/**
 * crm_quote_variant_compute_totals:
 * @self: a #CrmQuoteVariant
 * @out_totals: (out caller-allocates): clear it with crm_quote_totals_clear()
 * @error: return location for a #GError
 *
 * The VAT of each rate is rounded once on the sum of the nets at that rate
 * (docs/decisions.md, "Quotes: money"); the total is the nets plus the VAT.
 *
 * Returns: %TRUE, or %FALSE with a line's error or %CRM_QUOTE_ERROR_TOO_LARGE
 */
gboolean
crm_quote_variant_compute_totals (CrmQuoteVariant  *self,
                                  CrmQuoteTotals   *out_totals,
                                  GError          **error)
{
  g_autoptr(GArray) rates = NULL;
  __int128 net = 0;
  __int128 vat = 0;

  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (self), FALSE);
  g_return_val_if_fail (out_totals != NULL, FALSE);

  *out_totals = (CrmQuoteTotals) { 0 };

  if (!(rates = sum_nets_by_rate (self, error)))
    return FALSE;

  for (guint i = 0; i < rates->len; i++)
    {
      CrmVatTotal *rate = &g_array_index (rates, CrmVatTotal, i);

      if (!_crm_quote_round_div ((__int128) rate->net * rate->vat_rate, 10000, &rate->vat))
        return _crm_quote_too_large (error);

      net += rate->net;
      vat += rate->vat;
    }

  if (!_crm_quote_fits (net, &out_totals->net) ||
      !_crm_quote_fits (vat, &out_totals->vat) ||
      !_crm_quote_fits (net + vat, &out_totals->total))
    {
      *out_totals = (CrmQuoteTotals) { 0 };
      return _crm_quote_too_large (error);
    }

  out_totals->rates = g_steal_pointer (&rates);

  return TRUE;
}
