/* crm-test-utils.h
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

/* Helpers shared by the view tests: header-only, each test is one program. */

#pragma once

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "../crm-test-common.h"
#include "crm-deal-editor.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

/* Runs the main loop for @ms milliseconds so that widgets map, lay out and
 * draw as they would for a user. */
static inline void
crm_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Loads the application's stylesheet and icons, which AdwApplication would
 * load for the real program. */
static inline void
crm_test_load_style (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/dealsdesk/Deals/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* And the application's icons, as GtkApplication would add them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/dealsdesk/Deals/icons");
  loaded = TRUE;
}

/* What every view test's main() starts with: the user's locale, the
 * translations built next to the tests (for the Hebrew screenshots), GTK
 * in test mode, libadwaita and the application's stylesheet. */
static inline void
crm_test_init (int    *argc,
               char ***argv)
{
  const char *locale_dir = g_getenv ("CRM_LOCALE_DIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  crm_test_load_style ();
}

/* Switches the texts to @language ("he" is right to left) for a
 * screenshot. Returns the LANGUAGE to hand crm_test_restore_language(). */
static inline char *
crm_test_use_language (const char *language)
{
  char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext keeps the last catalogue it found until the domain is set
   * again: without this, a second switch still shows the first language. */
  textdomain (GETTEXT_PACKAGE);
  gtk_widget_set_default_direction (g_str_equal (language, "he") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  return saved;
}

/* Undoes crm_test_use_language(), and frees @saved. */
static inline void
crm_test_restore_language (char *saved)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);
  g_free (saved);
}

/* Renders @widget's window to CRM_SCREENSHOT_DIR/@name, for people to look
 * at (the assertions are on the model). */
static inline void
crm_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  const char *dir = g_getenv ("CRM_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A window that was just shown may not have drawn its first frame yet
   * (its content is still fading in): wait for a frame, for up to about
   * two seconds. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 40; attempt++)
    {
      if (attempt > 0)
        {
          g_usleep (50 * 1000);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* @widget's template child @name, declared by @type, which must be there. */
static inline gpointer
crm_test_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

/* The first descendant of @type under @widget, in tree order, after
 * skipping @skip of them. */
static inline gpointer
crm_test_find_nth_descendant (GtkWidget *widget,
                              GType      type,
                              guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*skip == 0)
        return widget;
      (*skip)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = crm_test_find_nth_descendant (child, type, skip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The @n-th widget of @type under @widget (from 0, in tree order), which
 * must be there: a row's switch, a dialog's third entry. */
static inline gpointer
crm_test_find_descendant (gpointer widget,
                          GType    type,
                          guint    n)
{
  gpointer found = crm_test_find_nth_descendant (GTK_WIDGET (widget), type, &n);

  g_assert_nonnull (found);

  return found;
}

/* The toplevel of @type that is showing, if any: a dialog a view opened. */
static inline gpointer
crm_test_find_window (GType type)
{
  /* GTK's own list: not ours to free. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* The row of @list titled @title, which must be there: a person's row in
 * Preferences, a rep's quota row. */
static inline gpointer
crm_test_find_row_titled (gpointer    list,
                          const char *title)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      if (ADW_IS_PREFERENCES_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }

  g_assert_not_reached ();
}

/* The label under @widget, on screen, whose text contains @text: what the
 * user reads, toasts included. */
static inline GtkLabel *
crm_test_find_label (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = crm_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* crm_test_find_label(), waiting a moment for the label: a toast that
 * replaces one still sliding in follows it a little later. */
static inline GtkLabel *
crm_test_wait_for_label (GtkWidget  *widget,
                         const char *text)
{
  for (guint waited = 0; waited < 1500; waited += 50)
    {
      GtkLabel *label = crm_test_find_label (widget, text);

      if (label != NULL)
        return label;
      crm_test_iterate (50);
    }

  return crm_test_find_label (widget, text);
}

/* Opens the card of @deal_id as a rep would, and waits for it to show.
 * GTK owns toplevels; the returned reference is the test's, to check the
 * card is gone after crm_test_close_card(). */
static inline CrmDealEditor *
crm_test_open_card (CrmStore *store,
                    gint64    deal_id)
{
  GtkWidget *editor = crm_deal_editor_new (store, deal_id, 0);

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  crm_test_iterate (300);

  return CRM_DEAL_EDITOR (editor);
}

static inline void
crm_test_close_card (CrmDealEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  crm_test_iterate (50);
  g_assert_finalize_object (editor);
}

/* Runs xdotool @command ("type 12", "key --clearmodifiers Return") on the
 * real X keyboard into @window (Xvfb has no window manager, so the window
 * is focused by hand first). Returns FALSE, for the test to skip, without
 * xdotool or an X11 display. */
static inline gboolean
crm_test_xdotool (GtkWidget  *window,
                  const char *command)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *path = g_find_program_in_path ("xdotool");
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (path == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  line = g_strdup_printf ("xdotool windowfocus --sync %lu %s",
                          (gulong)gdk_x11_surface_get_xid (surface), command);
  g_spawn_command_line_sync (line, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  crm_test_iterate (300);
  return TRUE;
#else
  return FALSE;
#endif
}

/* For g_test_queue_destroy(): removes the folder @data names, and frees
 * the name. */
static inline void
crm_test_remove_dir_free (gpointer data)
{
  g_autofree char *path = data;

  crm_test_remove_dir (path);
}

/* A fresh database in a temporary folder, set up with @procedure_id and
 * @n_deals demo deals. The folder goes when the test case ends. */
static inline CrmStore *
crm_test_open_store (const char  *procedure_id,
                     guint        n_deals,
                     char       **out_path)
{
  g_autofree char *dir = crm_test_make_dir ("deals-test-XXXXXX");
  g_autofree char *path = NULL;
  CrmStore *store;

  g_test_queue_destroy (crm_test_remove_dir_free, g_strdup (dir));
  path = crm_test_db_path (dir);
  store = crm_test_store_new (path, procedure_id);

  if (n_deals > 0)
    crm_test_populate (store, n_deals, 7);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return store;
}
