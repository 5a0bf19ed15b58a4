/* crm-store-calls.c
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

#define G_LOG_DOMAIN "crm-store-calls"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-activity.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-stage.h"
#include "crm-store-private.h"
#include "crm-strings.h"
#include "crm-user.h"

/* The call-script panel's half of the store (issue 4): a deal's fields one
 * value at a time (a call's answers, TW-3), the department's settings, the
 * product catalogue and its lower bound (CON-4), the call scripts a
 * manager edits, and the end of a call (TW-4): the call, its tasks and its
 * summary, written together. Every write is one transaction, checks the
 * current user's role where the procedures reserve it for the sales
 * manager, and uses the store's clock. */


/* The built-in fields a call-script question may fill, with how to read
 * each; custom fields are read from deal_field_values. */
static const struct
{
  const char *key;
  const char *sql;
} builtin_fields[] = {
  { "contact.name",
    "SELECT ct.name FROM deals d JOIN contacts ct ON ct.id = d.contact_id WHERE d.id = ?1" },
  { "contact.position",
    "SELECT ct.position FROM deals d JOIN contacts ct ON ct.id = d.contact_id WHERE d.id = ?1" },
  { "contact.phone",
    "SELECT p.number FROM deals d JOIN contact_phones p ON p.contact_id = d.contact_id "
    "WHERE d.id = ?1 ORDER BY p.position LIMIT 1" },
  { "contact.email",
    "SELECT e.address FROM deals d JOIN contact_emails e ON e.contact_id = d.contact_id "
    "WHERE d.id = ?1 ORDER BY e.position LIMIT 1" },
  { "company.name",
    "SELECT co.name FROM deals d JOIN companies co ON co.id = d.company_id WHERE d.id = ?1" },
  { "amount", "SELECT amount FROM deals WHERE id = ?1 AND amount > 0" },
  { "source", "SELECT source FROM deals WHERE id = ?1" },
};

static gboolean
run_statement (CrmStore    *self,
               const char  *sql,
               gint64       id,
               const char  *text,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, text);

  return crm_statement_run (stmt, error);
}

/**
 * _crm_store_expand:
 * @text: a procedure text with placeholders such as "{rep}"
 * @values: (element-type utf8 utf8): what each placeholder becomes; a
 *   %NULL value is unknown
 * @unknown: what to put for an unknown value
 *
 * Fills in an opening line or a call summary. The loader has checked that
 * every placeholder of the text is one the text offers; a placeholder
 * missing from @values is kept as written.
 *
 * Returns: (transfer full): the text filled in
 */
char *
_crm_store_expand (const char  *text,
                   GHashTable  *values,
                   const char  *unknown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      gpointer value;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      if (g_hash_table_lookup_extended (values, name, NULL, &value))
        g_string_append (out, value != NULL ? value : unknown);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Field values, one at a time */

static const char *
builtin_sql (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_fields); i++)
    if (g_str_equal (builtin_fields[i].key, key))
      return builtin_fields[i].sql;

  return NULL;
}

/**
 * crm_store_dup_field_value:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @key: a custom field key of the procedure, or a built-in one:
 *   "contact.name", "contact.position", "contact.email" and
 *   "contact.phone" (the contact's first), "company.name", "amount" (in
 *   major units, "1500.50"), "source" (the source's key)
 *
 * One field of a deal, as stored: a choice as its key, a boolean as
 * "true" or "false", a phone in E.164.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when empty
 */
char *
crm_store_dup_field_value (CrmStore   *self,
                           gint64      deal_id,
                           const char *key)
{
  const char *sql;
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  sql = builtin_sql (key);
  if (sql != NULL)
    value = _crm_store_query_text (self, sql, deal_id, NULL);
  else
    value = _crm_store_query_text (self,
                        "SELECT v.value FROM deal_field_values v JOIN field_defs f ON f.id = v.field_id "
                        "WHERE v.deal_id = ?1 AND f.key = ?2",
                        deal_id, key);

  if (crm_str_is_blank (value))
    return NULL;

  if (g_str_equal (key, "amount"))
    return crm_money_format_plain (g_ascii_strtoll (value, NULL, 10));

  return g_steal_pointer (&value);
}

/* An empty answer clears what can be empty; a name, a phone or an email
 * is corrected, not removed, from a call. */
static GHashTable *
blank_value (CrmStore    *self,
             const char  *key,
             GError     **error)
{
  g_autoptr(GHashTable) clean = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (g_str_equal (key, "amount"))
    g_hash_table_insert (clean, g_strdup (key), g_strdup ("0"));
  else if (g_str_equal (key, "source") || g_str_equal (key, "contact.position"))
    g_hash_table_insert (clean, g_strdup (key), NULL);
  else
    {
      g_autofree char *label = crm_store_dup_field_label (self, key);

      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   /* Translators: a field of the deal, e.g. "Contact phone" */
                   _("%s cannot be left empty."), label);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/* The value as it will be stored, checked the way the deal card checks a
 * custom field (crm_store_check_field_value()) and the engine checks a
 * move's built-in values: nothing is written until it passes. */
static GHashTable *
check_value (CrmStore    *self,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *normalized = NULL;

  if (builtin_sql (key) == NULL)
    {
      GHashTable *clean;

      if (!crm_store_check_field_value (self, key, value, &normalized, error))
        return NULL;

      /* No value clears the field, as on the deal card. */
      clean = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (clean, g_strdup (key), g_steal_pointer (&normalized));
      return clean;
    }

  if (crm_str_is_blank (value))
    return blank_value (self, key, error);

  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (char *)key, (char *)value);

  return _crm_store_normalize_values (self, values, error);
}

/**
 * crm_store_set_field_value:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @key: a custom field key, or a built-in one (see
 *   crm_store_dup_field_value())
 * @value: (nullable): the value as typed; empty clears a custom field, the
 *   source, the amount or the contact's position
 * @error: return location for a #GError
 *
 * Saves one field of a deal, as a call's answer does (TW-3, RAD-10), in
 * one transaction: checked like the deal card checks it (phones through
 * libphonenumber, emails, numbers, choices by key, booleans as "true" or
 * "false"), stored like a move stores its values (a contact or a company
 * is created for a name when the deal has none; a phone or an email
 * becomes the contact's first), audited, and announced like a save: the
 * deal's card and its column follow. Search follows through the triggers.
 *
 * Returns: %TRUE on success; on error nothing was written
 */
gboolean
crm_store_set_field_value (CrmStore    *self,
                           gint64       deal_id,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_autoptr(GHashTable) clean = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *now = NULL;
  g_autofree char *old_updated_at = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  clean = check_value (self, key, value, error);
  if (clean == NULL)
    return FALSE;

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return FALSE;

  now = _crm_store_now_text (self);
  old_updated_at = _crm_store_format_timestamp (crm_deal_get_updated_at (deal));

  if (!_crm_store_begin (self, error) ||
      !_crm_store_commit_or_rollback (self,
                           _crm_store_apply_values (self, deal_id, clean, now, error) &&
                           run_statement (self, "UPDATE deals SET updated_at = ?2 WHERE id = ?1",
                                          deal_id, now, error) &&
                           _crm_store_add_audit (self, "update", "deal", deal_id, NULL, key, now, error),
                           error))
    return FALSE;

  /* As after the deal card's save: the deal was touched, so its row moves
   * to the top of its column and shows the new name or amount. */
  _crm_store_relocate_in_lists (self, deal_id, crm_deal_get_stage_id (deal), old_updated_at,
                                crm_deal_get_stage_id (deal), now);
  _crm_store_emit_deal_changed (self, deal_id);
  return TRUE;
}

/**
 * crm_store_deal_had_conversation:
 * @self: a #CrmStore
 * @deal_id: a deal
 *
 * CON-4: whether the next call on the deal is not the first conversation,
 * that is whether a call on it reached the customer or a meeting took
 * place. Attempts and call-backs are not conversations.
 *
 * Returns: %TRUE after a conversation
 */
gboolean
crm_store_deal_had_conversation (CrmStore *self,
                                 gint64    deal_id)
{
  g_autofree char *found = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  found = _crm_store_query_text (self,
                      "SELECT 'yes' FROM activities WHERE deal_id = ?1 "
                      "AND ((kind = 'call' AND outcome = 'reached') OR kind = 'meeting') LIMIT 1",
                      deal_id, NULL);

  return found != NULL;
}

/* Call scripts */

/* How a manager's change rebuilds the template's text from @procedure. */
typedef char *(*ScriptsEdit) (CrmProcedure  *procedure,
                              gpointer       data,
                              GError       **error);

/* Rebuilds the template through @edit and keeps it, in one transaction
 * with its audit line, as the store's procedure. Only a sales manager
 * changes the call scripts. */
static gboolean
edit_call_scripts (CrmStore     *self,
                   ScriptsEdit   edit,
                   gpointer      data,
                   const char   *audit_action,
                   GError      **error)
{
  CrmProcedure *procedure;
  g_autoptr(CrmProcedure) edited = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;

  if (!_crm_store_require_manager (self, _("Only a sales manager can edit the call scripts."), error))
    return FALSE;

  procedure = crm_store_get_procedure (self);
  if (procedure == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                           _("Pick a procedure before editing its call scripts."));
      return FALSE;
    }

  json = edit (procedure, data, error);
  if (json == NULL)
    return FALSE;

  edited = crm_procedure_new_from_data (json, -1, crm_procedure_get_id (procedure), error);
  if (edited == NULL)
    return FALSE;

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error) ||
      !_crm_store_commit_or_rollback (self,
                           _crm_store_write_meta (self, "procedure-template", json, error) &&
                           _crm_store_add_audit (self, audit_action, "call-script", 0, NULL,
                                                 crm_procedure_get_id (procedure), now, error),
                           error))
    return FALSE;

  _crm_store_set_procedure (self, edited);
  return TRUE;
}

static char *
with_call_script (CrmProcedure  *procedure,
                  gpointer       call_script,
                  GError       **error)
{
  return crm_procedure_dup_with_call_script (procedure, call_script, error);
}

static char *
with_shipped_call_script (CrmProcedure  *procedure,
                          gpointer       data,
                          GError       **error)
{
  return crm_procedure_dup_with_shipped_call_script (procedure, error);
}

/**
 * crm_store_save_call_script:
 * @self: a #CrmStore
 * @call_script: (nullable): the new "call_script" section of the
 *   procedure, or %NULL to remove it
 * @error: return location for a #GError
 *
 * A sales manager's edit of the call scripts (the script editor): the
 * procedure's template is rebuilt with @call_script and loaded again, so an
 * invalid edit is refused with the loader's message
 * (%CRM_PROCEDURE_ERROR_INVALID) and nothing is saved. The new template is
 * stored in one transaction and becomes crm_store_get_procedure();
 * #CrmStore:procedure is notified. A rep is refused with
 * %CRM_STORE_ERROR_PERMISSION.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_save_call_script (CrmStore    *self,
                            JsonObject  *call_script,
                            GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return edit_call_scripts (self, with_call_script, call_script, "update", error);
}

/**
 * crm_store_use_shipped_call_script:
 * @self: a #CrmStore
 * @error: return location for a #GError
 *
 * Gives the procedure the call scripts Deals ships for it, and its payment
 * terms if it has none (crm_procedure_dup_with_shipped_call_script()): a
 * database made before Deals had call scripts keeps the template it was
 * made with, and its manager takes the shipped scripts from the script
 * editor. Stored like crm_store_save_call_script(), with the same refusals.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_use_shipped_call_script (CrmStore  *self,
                                   GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return edit_call_scripts (self, with_shipped_call_script, NULL, "use-shipped", error);
}

/* The end of a call */

/* What a call must say before it is logged (TW-4): a reached call or a
 * call-back has a note and, on an open deal, the next contact. */
/**
 * crm_store_call_needs_next_contact:
 * @self: a #CrmStore
 * @deal: the deal called about
 * @outcome: how the call went
 * @move_to_stage_id: 0, or the stage the call moves the deal into
 *
 * TW-4: a call that reached the customer, or a call-back, promises the
 * next contact, unless the deal is won or lost once the call is logged.
 * The end of a call asks for it only then; crm_store_log_call() refuses a
 * call without it.
 *
 * Returns: %TRUE when the call needs a next contact time
 */
gboolean
crm_store_call_needs_next_contact (CrmStore       *self,
                                   CrmDeal        *deal,
                                   CrmCallOutcome  outcome,
                                   gint64          move_to_stage_id)
{
  CrmStage *target = move_to_stage_id > 0 ? crm_store_find_stage (self, move_to_stage_id) : NULL;
  CrmStageKind kind = target != NULL ? crm_stage_get_kind (target) : crm_deal_get_stage_kind (deal);

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_DEAL (deal), FALSE);

  return (outcome == CRM_CALL_REACHED || outcome == CRM_CALL_CALL_BACK) && kind == CRM_STAGE_OPEN;
}

/* A call moves the deal on only when it reached the customer, within the
 * deal's pipeline. The move itself is the engine's, so a move into a lost
 * stage meets the closing's rules (a reason, who refused, AXL-10) and a
 * won or lost deal stays closed, as on every other path. */
static gboolean
check_call_move (CrmStore             *self,
                 const CrmCallRecord  *record,
                 CrmDeal              *deal,
                 GError              **error)
{
  CrmStage *stage;

  if (record->move_to_stage_id <= 0 || record->move_to_stage_id == crm_deal_get_stage_id (deal))
    return TRUE;

  stage = crm_store_find_stage (self, record->move_to_stage_id);
  if (stage == NULL || crm_stage_get_pipeline_id (stage) != crm_deal_get_pipeline_id (deal))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("There is no stage %lld in this deal’s pipeline."),
                   (long long)record->move_to_stage_id);
      return FALSE;
    }

  if (record->outcome != CRM_CALL_REACHED)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("Only a call that reached the customer moves the deal to another stage."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_call_record (CrmStore             *self,
                   const CrmCallRecord  *record,
                   CrmDeal              *deal,
                   gboolean              ladder,
                   GError              **error)
{
  gboolean talked = record->outcome == CRM_CALL_REACHED || record->outcome == CRM_CALL_CALL_BACK;

  if (record->outcome == CRM_CALL_NONE || record->outcome > CRM_CALL_CALL_BACK)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("A call needs an outcome, and only a call has one."));
      return FALSE;
    }

  if (talked && crm_str_is_blank (record->note))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("Say what happened: the activity needs a note."));
      return FALSE;
    }

  if (!check_call_move (self, record, deal, error))
    return FALSE;

  if (record->next_contact == NULL &&
      crm_store_call_needs_next_contact (self, deal, record->outcome, record->move_to_stage_id))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("Say when to contact the customer next."));
      return FALSE;
    }

  /* RAD-7: a task is closed only with a written result (the ladder
   * writes its own). */
  if (record->close_task_id > 0 && !ladder && crm_str_is_blank (record->note))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("Write what came of the task before closing it."));
      return FALSE;
    }

  return TRUE;
}

/* A failed call walks the attempt ladder (TW-1, AXL-1) as the No Answer
 * button does, unless the rep already agreed the next contact. */
static gboolean
walks_ladder (CrmStore            *self,
              const CrmCallRecord *record)
{
  return (record->outcome == CRM_CALL_NO_ANSWER || record->outcome == CRM_CALL_BUSY) &&
         record->next_contact == NULL &&
         crm_procedure_get_attempt_ladder (crm_store_get_procedure (self)) != NULL;
}

static gboolean
close_call_task (CrmStore             *self,
                 const CrmCallRecord  *record,
                 const char           *now,
                 GError              **error)
{
  gint64 task_deal_id = 0;

  if (!_crm_store_finish_task (self, record->close_task_id, TRUE, record->note, now, &task_deal_id, error))
    return FALSE;

  if (task_deal_id != record->deal_id)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                   _("Task %lld is not a task of this deal."), (long long)record->close_task_id);
      return FALSE;
    }

  /* Audited as crm_store_close_task() audits it. */
  return _crm_store_add_audit (self, "task-done", "task", record->close_task_id, NULL, record->note,
                               now, error);
}

static gboolean
add_call_tasks (CrmStore             *self,
                const CrmCallRecord  *record,
                GDateTime            *now,
                GError              **error)
{
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  gint64 me = _crm_store_current_user_id (self);

  if (record->outcome == CRM_CALL_WRONG_NUMBER)
    {
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autofree char *due = _crm_store_format_timestamp (tomorrow);

      if (!_crm_store_insert_task (self, record->deal_id, _("Find the right phone number"), due, me,
                                   NULL, now_text, NULL, error))
        return FALSE;
    }

  /* TW-4: the time of the next call becomes the rep's task. Like the
   * engine's tasks, its title is in the language of whoever logged it;
   * the rule tells it apart in any language. */
  if (record->next_contact != NULL)
    {
      g_autofree char *due = _crm_store_format_timestamp (record->next_contact);
      /* Translators: the titles of the task a call leaves for the next
       * call, written like the other task titles (what to do) */
      const char *title = record->outcome == CRM_CALL_CALL_BACK ? C_("task", "Call back") : C_("task", "Next contact");

      if (!_crm_store_insert_task (self, record->deal_id, title, due, me, "TW-4", now_text, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* "7:05", or "1:02:03" for a call over an hour. */
static char *
format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static char *
format_local_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return NULL;

  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%x %H:%M");
}

/* What the summary's placeholders become (TW-4): the call and the lead's
 * details. {company} is the customer's company here; in an opening line
 * it is ours. */
static GHashTable *
summary_values (CrmStore             *self,
                CrmDeal              *deal,
                const CrmCallRecord  *record)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  CrmUser *me = crm_store_get_current_user (self);
  g_auto(GStrv) stages = crm_procedure_dup_call_stage_names (crm_store_get_procedure (self),
                                                              record->script_key, record->stages);

  g_hash_table_insert (values, "deal", g_strdup (crm_deal_get_title (deal)));
  g_hash_table_insert (values, "rep", g_strdup (me ? crm_user_get_name (me) : NULL));
  g_hash_table_insert (values, "contact", g_strdup (crm_deal_get_contact_name (deal)));
  g_hash_table_insert (values, "phone", crm_store_dup_field_value (self, record->deal_id, "contact.phone"));
  g_hash_table_insert (values, "email", crm_store_dup_field_value (self, record->deal_id, "contact.email"));
  g_hash_table_insert (values, "company", g_strdup (crm_deal_get_company_name (deal)));
  g_hash_table_insert (values, "outcome", g_strdup (crm_call_outcome_get_label (record->outcome)));
  g_hash_table_insert (values, "duration", format_duration (record->duration));
  g_hash_table_insert (values, "stages", stages ? g_strjoinv (", ", stages) : NULL);
  g_hash_table_insert (values, "answers", g_strdup (record->summary_answers));
  g_hash_table_insert (values, "note", g_strdup (record->note));
  g_hash_table_insert (values, "next_contact", format_local_time (record->next_contact));

  return values;
}

static gboolean
queue_summary_row (CrmStore    *self,
                   gint64       deal_id,
                   const char  *address,
                   const char  *subject,
                   const char  *body,
                   const char  *now,
                   GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "INSERT INTO email_queue (deal_id, template, recipient, address, subject, body, "
                         "rule, queued_at) VALUES (?1, 'call_summary', ?2, ?3, ?4, ?5, 'TW-4', ?6)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, address != NULL ? "address" : "manager");
  crm_statement_bind_text (stmt, 3, address);
  crm_statement_bind_text (stmt, 4, subject);
  crm_statement_bind_text (stmt, 5, body);
  crm_statement_bind_text (stmt, 6, now);

  return crm_statement_run (stmt, error);
}

/* TW-4: a call that reached the customer is summed up, from the
 * procedure's template in the rep's language, to the sales manager and to
 * the copy address of the settings. */
static gboolean
queue_summary (CrmStore             *self,
               CrmDeal              *deal,
               const CrmCallRecord  *record,
               const char           *now,
               GError              **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (self);
  const CrmText *subject_text = crm_procedure_get_summary_subject (procedure);
  const CrmText *body_text = crm_procedure_get_summary_body (procedure);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *cc = NULL;

  if (record->outcome != CRM_CALL_REACHED || subject_text == NULL || body_text == NULL)
    return TRUE;

  values = summary_values (self, deal, record);
  /* Translators: what a call summary says for a detail nobody gave */
  subject = _crm_store_expand (crm_text_get (subject_text), values, _("—"));
  body = _crm_store_expand (crm_text_get (body_text), values, _("—"));
  cc = crm_store_dup_setting (self, "call-summary-cc");

  return queue_summary_row (self, record->deal_id, NULL, subject, body, now, error) &&
         (cc == NULL || queue_summary_row (self, record->deal_id, cc, subject, body, now, error));
}

/**
 * crm_store_log_call:
 * @self: a #CrmStore
 * @record: the call, as the call-script panel ends it
 * @error: return location for a #GError
 *
 * Logs a call and what follows from it, in one transaction (TW-4):
 *
 *  - the call activity by the current user, with its outcome, duration,
 *    note, script and stages (TW-3);
 *  - @record's task, closed as done with the note as its result (RAD-7);
 *  - for no answer or busy without an agreed next contact, the next step of
 *    the attempt ladder, exactly as crm_store_record_no_answer() (TW-1,
 *    AXL-1; the ladder closes the open tasks as failed itself);
 *  - for a wrong number, a task to find the right one, due in a day;
 *  - for the next contact, a task "Call back" or "Next contact" for the
 *    current user, due then (TW-4);
 *  - for a call that reached the customer, when the procedure has a
 *    summary, the summary rendered in the user's language and queued to the
 *    sales manager and to the "call-summary-cc" address if set (TW-4).
 *
 * A reached call or a call-back needs a note and, unless the deal is
 * closed, the next contact.
 *
 * Returns: the call activity's id, or 0 on error (nothing was written)
 */
gint64
crm_store_log_call (CrmStore             *self,
                    const CrmCallRecord  *record,
                    GError              **error)
{
  g_auto(CrmMoveDone) closing = { 0 };
  g_auto(CrmMoveDone) moved = { 0 };
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *stages = NULL;
  gboolean ladder;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  ladder = walks_ladder (self, record);
  deal = crm_store_load_deal (self, record->deal_id, error);
  if (deal == NULL || !check_call_record (self, record, deal, ladder, error))
    return 0;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  stages = record->stages ? g_strjoinv (",", (char **)record->stages) : NULL;

  if (!_crm_store_begin (self, error))
    return 0;

  ok = _crm_store_insert_activity (self, record->deal_id, CRM_ACTIVITY_CALL, record->outcome,
                                   record->duration, record->note, record->script_key, stages,
                                   now_text, &id, error) &&
       (record->close_task_id <= 0 || ladder || close_call_task (self, record, now_text, error)) &&
       (!ladder ||
        _crm_store_walk_ladder (self, record->deal_id, now, NULL, &closing, error) != CRM_LADDER_NONE) &&
       (record->move_to_stage_id <= 0 || record->move_to_stage_id == crm_deal_get_stage_id (deal) ||
        _crm_store_move_in_transaction (self, record->deal_id, record->move_to_stage_id, NULL, now,
                                        CRM_MOVE_DEFAULT, &moved, error)) &&
       add_call_tasks (self, record, now, error) &&
       queue_summary (self, deal, record, now_text, error) &&
       _crm_store_add_audit (self, "activity", "deal", record->deal_id, NULL, "call", now_text, error);

  if (!_crm_store_commit_or_rollback (self, ok, error))
    return 0;

  /* The timeline, the tasks, the outbox and the Today view follow. */
  _crm_store_emit_deal_changed (self, record->deal_id);
  _crm_store_announce_moves (self, &closing, 1, now);
  _crm_store_announce_moves (self, &moved, 1, now);
  return id;
}
