/* crm-call-session-notes.c
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

#define G_LOG_DOMAIN "crm-call-session-notes"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-call-session-private.h"
#include "crm-deal.h"
#include "crm-store-private.h"
#include "crm-user.h"

/* What the call says in words: the opening line the rep reads out
 * (AXL-7), and the result note and summary answers its end starts with
 * (TW-2, TW-4, CON-4). */

/* How an answer reads in a note or a summary: a choice by its name, a
 * boolean as yes or no, the source by its name. */
static char *
dup_display_value (CrmCallSession          *self,
                   const CrmScriptQuestion *question,
                   const char              *value)
{
  const CrmProcedureField *field = NULL;

  if (question->field != NULL && self->procedure != NULL)
    field = crm_procedure_find_field (self->procedure, question->field);

  if (field != NULL && field->type == CRM_FIELD_BOOLEAN)
    /* Translators: the answer to a yes-or-no question of a call script */
    return g_strdup (g_str_equal (value, "true") ? C_("answer", "yes") : C_("answer", "no"));

  for (guint i = 0; field != NULL && field->choices != NULL && i < field->choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, i);

      if (g_str_equal (choice->key, value))
        return g_strdup (crm_text_get (&choice->name));
    }

  for (guint i = 0; field == NULL && g_strcmp0 (question->field, "source") == 0 &&
                    i < crm_procedure_get_n_sources (self->procedure); i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (self->procedure, i);

      if (g_str_equal (source->key, value))
        return g_strdup (crm_text_get (&source->name));
    }

  return g_strdup (value);
}

/* A question's text as the head of a "question: answer" line. */
static char *
dup_question_label (const CrmScriptQuestion *question)
{
  g_autofree char *text = g_strdup (crm_text_get (&question->text));

  g_strstrip (text);
  while (g_str_has_suffix (text, "?") || g_str_has_suffix (text, ":"))
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }

  return g_steal_pointer (&text);
}

/* Calls @func for each answered question of the stages the call reached,
 * in the script's order. */
typedef void (*AnswerFunc) (CrmCallSession          *self,
                            const CrmScriptQuestion *question,
                            const char              *value,
                            gpointer                 data);

static void
foreach_answer (CrmCallSession *self,
                AnswerFunc      func,
                gpointer        data)
{
  for (int s = 0; s <= self->furthest; s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);
          const char *value = g_hash_table_lookup (self->answers, question->key);

          if (value != NULL)
            func (self, question, value, data);
        }
    }
}

static void
add_note_answer (CrmCallSession          *self,
                 const CrmScriptQuestion *question,
                 const char              *value,
                 gpointer                 data)
{
  GPtrArray *lines = data;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;

  /* The note is what this call found out; what the deal card already
   * said goes to the summary's lead details only. */
  if (!g_hash_table_contains (self->given, question->key))
    return;

  shown = dup_display_value (self, question, value);
  /* A field's name reads better in a note than the question asked. */
  label = question->field ? crm_store_dup_field_label (self->store, question->field)
                          : dup_question_label (question);

  /* Translators: a field or question and its answer: "Agreements module: yes" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, shown));
}

static void
add_summary_answer (CrmCallSession          *self,
                    const CrmScriptQuestion *question,
                    const char              *value,
                    gpointer                 data)
{
  GPtrArray *lines = data;
  g_autofree char *label = dup_question_label (question);
  g_autofree char *shown = dup_display_value (self, question, value);

  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, shown));
}

char *
_crm_call_session_dup_summary_answers (CrmCallSession *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  foreach_answer (self, add_summary_answer, lines);
  g_ptr_array_add (lines, NULL);

  return lines->len > 1 ? g_strjoinv ("\n", (char **)lines->pdata) : NULL;
}

static char *
dup_checked_items (CrmCallSession *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (int s = 0; s <= self->furthest; s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint i = 0; i < stage->checklist->len; i++)
        {
          const CrmScriptItem *item = g_ptr_array_index (stage->checklist, i);

          if (g_hash_table_contains (self->checked, item->key))
            g_ptr_array_add (texts, (gpointer)crm_text_get (&item->text));
        }
    }

  g_ptr_array_add (texts, NULL);
  return texts->len > 1 ? g_strjoinv (", ", (char **)texts->pdata) : NULL;
}

static gboolean
reached_price_rule (CrmCallSession *self)
{
  for (int s = 0; s <= self->furthest; s++)
    if (_crm_call_session_stage_at (self, s)->guards & CRM_SCRIPT_GUARD_PRICE_RULE)
      return TRUE;

  return FALSE;
}

/* CON-4: what the rep said about the price. */
static char *
dup_price_line (CrmCallSession *self)
{
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *floor_text = NULL;
  gint64 floor = 0;

  if (!self->price_demanded)
    return self->first_conversation && reached_price_rule (self)
           ? g_strdup (_("No price was named in this first conversation."))
           : NULL;

  deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (deal == NULL || !crm_store_get_price_floor (self->store, crm_deal_get_currency (deal), &floor))
    return g_strdup (_("The customer asked for the price; the lower bound was given."));

  floor_text = crm_format_amount (floor, crm_deal_get_currency (deal));
  /* Translators: the lower bound of the price list, e.g. "₪1,200" */
  return g_strdup_printf (_("The customer asked for the price; the lower bound, %s, was given."),
                          floor_text);
}
static char *
dup_source_name (CrmCallSession *self)
{
  g_autofree char *key = crm_store_dup_field_value (self->store, self->deal_id, "source");

  for (guint i = 0; key != NULL && i < crm_procedure_get_n_sources (self->procedure); i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (self->procedure, i);

      if (g_str_equal (source->key, key))
        return g_strdup (crm_text_get (&source->name));
    }

  return NULL;
}

/**
 * crm_call_session_dup_opening:
 * @self: a #CrmCallSession
 *
 * AXL-7: the script's opening line in the user's language, filled in:
 * {rep} with the current user's name, {company} with the organisation's
 * name of the settings, {contact} with the deal's contact, {source} with
 * the name of the deal's source. What nobody has told the store yet reads
 * "…", for the rep to say in their own words.
 *
 * Returns: (transfer full) (nullable): the opening, or %NULL when the
 *   script has none
 */
char *
crm_call_session_dup_opening (CrmCallSession *self)
{
  g_autoptr(GHashTable) values = NULL;
  CrmUser *me;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  if (self->script == NULL || self->script->opening.en == NULL)
    return NULL;

  me = crm_store_get_current_user (self->store);
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (values, "rep", g_strdup (me ? crm_user_get_name (me) : NULL));
  g_hash_table_insert (values, "company", crm_store_dup_setting (self->store, "organization-name"));
  g_hash_table_insert (values, "contact",
                       crm_store_dup_field_value (self->store, self->deal_id, "contact.name"));
  g_hash_table_insert (values, "source", dup_source_name (self));

  return _crm_store_expand (crm_text_get (&self->script->opening), values, "…");
}

/**
 * crm_call_session_dup_record_note:
 * @self: a #CrmCallSession
 *
 * The result note the end of the call starts with, for the rep to finish:
 * one readable line each for the situation (TW-2), the answers given on
 * this call, the checklist items ticked and what was said about the price
 * (CON-4), in the user's language.
 *
 * Returns: (transfer full): the note, empty when there is nothing to say
 */
char *
crm_call_session_dup_record_note (CrmCallSession *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *checked = NULL;
  char *price;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  if (self->situation_answered && !self->can_talk)
    g_ptr_array_add (lines, g_strdup (_("The customer could not talk at the moment.")));

  /* The stages are not repeated here: the call keeps them apart
   * (activities.stages) and the timeline names them in the call's title. */
  foreach_answer (self, add_note_answer, lines);

  checked = dup_checked_items (self);
  if (checked != NULL)
    /* Translators: the checklist items the rep ticked off */
    g_ptr_array_add (lines, g_strdup_printf (_("Done: %s"), checked));

  price = dup_price_line (self);
  if (price != NULL)
    g_ptr_array_add (lines, price);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}
