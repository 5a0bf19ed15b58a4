/* crm-activity.c
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

#define G_LOG_DOMAIN "crm-activity"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity.h"

/* One entry of a deal's timeline (CON-1, HS-6, HS-7): immutable, as the
 * store read it. */
struct _CrmActivity
{
  GObject          parent_instance;

  gint64           id;
  gint64           deal_id;
  CrmActivityKind  kind;
  CrmCallOutcome   outcome;
  guint            duration;
  char            *note;
  char            *user_name;
  GDateTime       *at;
};

G_DEFINE_FINAL_TYPE (CrmActivity, crm_activity, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  "call", "meeting", "email", "document", "note", "training",
};

static const char * const outcome_names[] = {
  NULL, "reached", "no-answer", "busy", "wrong-number", "call-back",
};

static void
crm_activity_finalize (GObject *object)
{
  CrmActivity *self = (CrmActivity *)object;

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);

  G_OBJECT_CLASS (crm_activity_parent_class)->finalize (object);
}

static void
crm_activity_class_init (CrmActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_activity_finalize;
}

static void
crm_activity_init (CrmActivity *self)
{
}

CrmActivity *
crm_activity_new (gint64           id,
                  gint64           deal_id,
                  CrmActivityKind  kind,
                  CrmCallOutcome   outcome,
                  guint            duration,
                  const char      *note,
                  const char      *user_name,
                  GDateTime       *at)
{
  CrmActivity *self = g_object_new (CRM_TYPE_ACTIVITY, NULL);

  self->id = id;
  self->deal_id = deal_id;
  self->kind = kind;
  self->outcome = outcome;
  self->duration = duration;
  self->note = g_strdup (note);
  self->user_name = g_strdup (user_name);
  self->at = at ? g_date_time_ref (at) : NULL;

  return self;
}

gint64
crm_activity_get_id (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), 0);
  return self->id;
}

gint64
crm_activity_get_deal_id (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), 0);
  return self->deal_id;
}

CrmActivityKind
crm_activity_get_kind (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), CRM_ACTIVITY_NOTE);
  return self->kind;
}

CrmCallOutcome
crm_activity_get_outcome (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), CRM_CALL_NONE);
  return self->outcome;
}

guint
crm_activity_get_duration (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), 0);
  return self->duration;
}

const char *
crm_activity_get_note (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return self->note;
}

const char *
crm_activity_get_user_name (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return self->user_name;
}

/**
 * crm_activity_get_at:
 * @self: a #CrmActivity
 *
 * Returns: (transfer none): when it happened
 */
GDateTime *
crm_activity_get_at (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return self->at;
}

/**
 * crm_activity_dup_summary:
 * @self: a #CrmActivity
 *
 * Returns: (transfer full): one line for the timeline: "Call — no answer"
 */
char *
crm_activity_dup_summary (CrmActivity *self)
{
  const char *kind = NULL;
  const char *outcome = NULL;

  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);

  switch (self->kind)
    {
    case CRM_ACTIVITY_CALL: kind = _("Call"); break;
    case CRM_ACTIVITY_MEETING: kind = _("Meeting"); break;
    case CRM_ACTIVITY_EMAIL: kind = _("Email"); break;
    case CRM_ACTIVITY_DOCUMENT: kind = _("Document sent"); break;
    case CRM_ACTIVITY_NOTE: kind = _("Note"); break;
    case CRM_ACTIVITY_TRAINING: kind = _("Customer training"); break;
    default: kind = ""; break;
    }

  switch (self->outcome)
    {
    case CRM_CALL_REACHED: outcome = _("reached"); break;
    case CRM_CALL_NO_ANSWER: outcome = _("no answer"); break;
    case CRM_CALL_BUSY: outcome = _("busy"); break;
    case CRM_CALL_WRONG_NUMBER: outcome = _("wrong number"); break;
    case CRM_CALL_CALL_BACK: outcome = _("call back later"); break;
    case CRM_CALL_NONE:
    default:
      break;
    }

  if (outcome == NULL)
    return g_strdup (kind);

  /* Translators: an activity and how it went: "Call — no answer" */
  return g_strdup_printf (_("%s — %s"), kind, outcome);
}

const char *
crm_activity_kind_to_string (CrmActivityKind kind)
{
  g_return_val_if_fail (kind <= CRM_ACTIVITY_TRAINING, NULL);
  return kind_names[kind];
}

gboolean
crm_activity_kind_from_string (const char      *text,
                               CrmActivityKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (kind_names[i], text) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
crm_call_outcome_to_string (CrmCallOutcome outcome)
{
  g_return_val_if_fail (outcome <= CRM_CALL_CALL_BACK, NULL);
  return outcome_names[outcome];
}

CrmCallOutcome
crm_call_outcome_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_strcmp0 (outcome_names[i], text) == 0)
      return i;

  return CRM_CALL_NONE;
}
