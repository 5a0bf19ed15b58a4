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
#include "crm-enums.h"

/* One entry of a deal's timeline (CON-1, HS-6, HS-7): immutable, as the
 * store read it. A call made with the call-script panel also says which
 * script it followed and which of its stages it went through (TW-3). */
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
  char            *script;
  GStrv            stages;
  GStrv            stage_names;
};

G_DEFINE_FINAL_TYPE (CrmActivity, crm_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_KIND,
  PROP_OUTCOME,
  PROP_DURATION,
  PROP_NOTE,
  PROP_USER_NAME,
  PROP_AT,
  PROP_SCRIPT,
  PROP_STAGES,
  PROP_STAGE_NAMES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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
  g_clear_pointer (&self->script, g_free);
  g_clear_pointer (&self->stages, g_strfreev);
  g_clear_pointer (&self->stage_names, g_strfreev);

  G_OBJECT_CLASS (crm_activity_parent_class)->finalize (object);
}

static void
crm_activity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmActivity *self = CRM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_SCRIPT:
      g_value_set_string (value, self->script);
      break;

    case PROP_STAGES:
      g_value_set_boxed (value, self->stages);
      break;

    case PROP_STAGE_NAMES:
      g_value_set_boxed (value, self->stage_names);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* An empty list reads as none, so a getter never hands out an empty
 * array that a view would have to tell apart from NULL. */
static GStrv
dup_strv_or_null (const GValue *value)
{
  const char * const *strv = g_value_get_boxed (value);

  return strv != NULL && strv[0] != NULL ? g_strdupv ((char **)strv) : NULL;
}

static void
crm_activity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrmActivity *self = CRM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_OUTCOME:
      self->outcome = g_value_get_enum (value);
      break;

    case PROP_DURATION:
      self->duration = g_value_get_uint (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    case PROP_USER_NAME:
      self->user_name = g_value_dup_string (value);
      break;

    case PROP_AT:
      self->at = g_value_dup_boxed (value);
      break;

    case PROP_SCRIPT:
      self->script = g_value_dup_string (value);
      break;

    case PROP_STAGES:
      self->stages = dup_strv_or_null (value);
      break;

    case PROP_STAGE_NAMES:
      self->stage_names = dup_strv_or_null (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_activity_class_init (CrmActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_activity_finalize;
  object_class->get_property = crm_activity_get_property;
  object_class->set_property = crm_activity_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CRM_TYPE_ACTIVITY_KIND,
                                              CRM_ACTIVITY_NOTE, flags);
  properties [PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, CRM_TYPE_CALL_OUTCOME,
                                                 CRM_CALL_NONE, flags);
  properties [PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties [PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties [PROP_AT] = g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  /**
   * CrmActivity:script:
   *
   * The key of the call script a call followed (TW-3), or %NULL.
   */
  properties [PROP_SCRIPT] = g_param_spec_string ("script", NULL, NULL, NULL, flags);

  /**
   * CrmActivity:stages:
   *
   * The keys of the script's stages the call went through, in order, or
   * %NULL.
   */
  properties [PROP_STAGES] = g_param_spec_boxed ("stages", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * CrmActivity:stage-names:
   *
   * Those stages' names in the user's language, as the store found them
   * in the procedure (a stage since removed from the script keeps its key).
   */
  properties [PROP_STAGE_NAMES] = g_param_spec_boxed ("stage-names", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_activity_init (CrmActivity *self)
{
}

/**
 * crm_activity_new:
 * @id: the activity's row id
 * @deal_id: its deal
 * @kind: call, meeting…
 * @outcome: how a call went; %CRM_CALL_NONE for anything else
 * @duration: seconds
 * @note: (nullable): what was said or done
 * @user_name: (nullable): who did it
 * @at: (nullable): when
 *
 * An activity without a call script; the store builds scripted calls with
 * g_object_new() and the #CrmActivity:script and #CrmActivity:stages
 * properties.
 *
 * Returns: (transfer full): a new #CrmActivity
 */
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
  return g_object_new (CRM_TYPE_ACTIVITY,
                       "id", id,
                       "deal-id", deal_id,
                       "kind", kind,
                       "outcome", outcome,
                       "duration", duration,
                       "note", note,
                       "user-name", user_name,
                       "at", at,
                       NULL);
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
 * crm_activity_get_script:
 * @self: a #CrmActivity
 *
 * Returns: (transfer none) (nullable): the key of the call script followed
 */
const char *
crm_activity_get_script (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return self->script;
}

/**
 * crm_activity_get_stages:
 * @self: a #CrmActivity
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the keys
 *   of the script's stages the call went through, in order
 */
const char * const *
crm_activity_get_stages (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return (const char * const *)self->stages;
}

/**
 * crm_activity_get_stage_names:
 * @self: a #CrmActivity
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the names
 *   of those stages in the user's language
 */
const char * const *
crm_activity_get_stage_names (CrmActivity *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY (self), NULL);
  return (const char * const *)(self->stage_names ? self->stage_names : self->stages);
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
 * Returns: (transfer full): one line for the timeline: "Call — no answer",
 *   "Call — reached; stages: Rapport, Discovery"
 */
char *
crm_activity_dup_summary (CrmActivity *self)
{
  const char *kind = NULL;
  const char *outcome = NULL;
  const char * const *names;
  g_autofree char *line = NULL;
  g_autofree char *stages = NULL;

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

  outcome = crm_call_outcome_get_label (self->outcome);
  if (outcome == NULL)
    return g_strdup (kind);

  /* Translators: an activity and how it went: "Call — no answer" */
  line = g_strdup_printf (_("%s — %s"), kind, outcome);
  names = crm_activity_get_stage_names (self);
  if (names == NULL)
    return g_steal_pointer (&line);

  /* TW-3: a scripted call says how far it got. */
  stages = g_strjoinv (", ", (char **)names);
  /* Translators: a call, then the stages of its call script it went
   * through: "Call — reached; stages: Rapport, Discovery" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; stage: %s", "%s; stages: %s",
                                       g_strv_length ((char **)names)),
                          line, stages);
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

/**
 * crm_call_outcome_get_label:
 * @outcome: how a call went
 *
 * Returns: (transfer none) (nullable): what to call it in the interface
 *   and in call summaries ("no answer"), or %NULL for %CRM_CALL_NONE
 */
const char *
crm_call_outcome_get_label (CrmCallOutcome outcome)
{
  switch (outcome)
    {
    case CRM_CALL_REACHED: return _("reached");
    case CRM_CALL_NO_ANSWER: return _("no answer");
    case CRM_CALL_BUSY: return _("busy");
    case CRM_CALL_WRONG_NUMBER: return _("wrong number");
    case CRM_CALL_CALL_BACK: return _("call back later");
    case CRM_CALL_NONE:
    default:
      return NULL;
    }
}

CrmCallOutcome
crm_call_outcome_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_strcmp0 (outcome_names[i], text) == 0)
      return i;

  return CRM_CALL_NONE;
}
