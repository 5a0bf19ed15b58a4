/* crm-quote-preview.c
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

#define G_LOG_DOMAIN "crm-quote-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-quote-preview.h"

#include "crm-pdf.h"
#include "crm-quote-document.h"

/* The real PDF of the quote being edited, beside the editor. Every render
 * runs in a worker thread on a copy of the quote: the document is laid
 * out there, and the visible page rasterised there too, so typing never
 * waits. The main thread only swaps in the finished texture.
 *
 * One render at a time: an edit bumps the requested generation and
 * (re)starts a short timer; a render that finishes behind a newer request
 * is dropped and the newest starts at once, so the preview catches up in
 * at most two renders however fast the rep types. */

/* A4 in points: the page size until the first render says otherwise. */
#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
/* 100 % shows a page as large as it is on paper, on a 96 dpi screen. */
#define POINTS_TO_PIXELS (96.0 / 72.0)
/* Room around the page in its well, per side. */
#define PAGE_MARGIN 12

static const double zoom_levels[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

struct _CrmQuotePreview
{
  GtkWidget          parent_instance;

  /* Owned references */
  CrmQuote          *quote;         /* nullable */
  GBytes            *pdf;           /* nullable: the document shown */
  GCancellable      *cancellable;   /* cancelled on dispose */
  char              *error;         /* nullable: why the last render failed */

  guint              requested;     /* the newest generation asked for */
  guint              generation;    /* textures shown so far */
  guint              delay_source;
  gulong             changed_id;
  guint              page;
  guint              n_pages;
  double             page_width;    /* points */
  double             zoom;          /* 0: fit the width */
  int                rendered_width; /* the width a fitted page was drawn for */

  /* Template widgets */
  GtkLabel          *page_label;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkPicture        *picture;
  AdwStatusPage     *error_page;

  guint              in_flight : 1;
  guint              needs_document : 1; /* the quote changed since its PDF */
  guint              fixed : 1;          /* a stored PDF: never rendered again */
};

G_DEFINE_FINAL_TYPE (CrmQuotePreview, crm_quote_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUOTE,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_BUSY,
  PROP_GENERATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The worker's side */

typedef struct
{
  guint       generation;
  CrmQuote   *quote;        /* a copy no other thread touches, or NULL */
  GBytes     *pdf;          /* rasterised again when there is no quote */
  guint       page;
  double      scale;        /* pixels per point */
} RenderJob;

typedef struct
{
  GBytes     *pdf;
  GdkTexture *texture;
  guint       n_pages;
  guint       page;
  double      page_width;
} RenderResult;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->quote);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job);
}

static void
render_result_free (RenderResult *result)
{
  g_clear_pointer (&result->pdf, g_bytes_unref);
  g_clear_object (&result->texture);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderResult, render_result_free)

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in memory order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize)stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(RenderResult) result = g_new0 (RenderResult, 1);
  g_autoptr(CrmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  if (job->quote != NULL)
    result->pdf = crm_quote_document_render (job->quote, &error);
  else
    result->pdf = g_bytes_ref (job->pdf);

  if (result->pdf == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_RENDER,
                             _("The quote could not be rendered"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Rasterising a page nobody will see is wasted on a busy machine. */
  if (g_task_return_error_if_cancelled (task))
    return;

  document = crm_pdf_open (result->pdf, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result->n_pages = crm_pdf_get_n_pages (document);
  result->page = MIN (job->page, result->n_pages > 0 ? result->n_pages - 1 : 0);
  if (!crm_pdf_get_page_size (document, result->page, &result->page_width, NULL))
    result->page_width = A4_WIDTH;

  surface = crm_pdf_render_page (document, result->page, job->scale, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result->texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify)render_result_free);
}

/* The main thread's side */

static void start_render (CrmQuotePreview *self);

static void
set_busy (CrmQuotePreview *self,
          gboolean         busy)
{
  if (gtk_spinner_get_spinning (self->spinner) == busy)
    return;

  /* Only its spinning changes: this runs during an allocation too (the
   * well's width changed), when a widget must not show or hide. A spinner
   * at rest draws nothing. */
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
update_navigation (CrmQuotePreview *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages > 0)
    /* Translators: the page of the preview shown, and how many there are */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, text != NULL ? text : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 self->zoom == 0 || self->zoom > zoom_levels[0]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", self->zoom != 0);
}

/* The width a fitted page gets, in logical pixels. */
static int
get_fit_width (CrmQuotePreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scrolled));

  /* Not allocated yet: the preview's natural width. */
  if (width <= 0)
    width = 480;

  return MAX (width - 2 * PAGE_MARGIN, 64);
}

static double
get_scale (CrmQuotePreview *self)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->zoom == 0)
    return (double)get_fit_width (self) * scale_factor / self->page_width;

  return self->zoom * POINTS_TO_PIXELS * scale_factor;
}

static void
show_texture (CrmQuotePreview *self,
              GdkTexture      *texture)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));

  /* A fitted page takes the well's width, its height following; a zoomed
   * one is as large as drawn, and scrolls both ways. */
  if (self->zoom == 0)
    {
      gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
      gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    }
  else
    {
      gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                                   gdk_texture_get_width (texture) / scale_factor,
                                   gdk_texture_get_height (texture) / scale_factor);
      gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
    }

  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
show_error (CrmQuotePreview *self,
            const GError    *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(CrmQuotePreview) self = user_data;
  g_autoptr(RenderResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RenderJob *job = g_task_get_task_data (G_TASK (async_result));
  guint page;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->in_flight = FALSE;

  /* A newer edit came in while this one rendered: drop it and render
   * the newest. */
  if (job->generation != self->requested)
    {
      if (self->delay_source == 0)
        start_render (self);
      return;
    }

  set_busy (self, self->delay_source != 0);

  if (result == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_steal_pointer (&result->pdf);
  self->page_width = result->page_width;
  if (self->zoom == 0)
    self->rendered_width = get_fit_width (self);

  page = self->page;
  self->page = result->page;
  if (self->n_pages != result->n_pages)
    {
      self->n_pages = result->n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PAGES]);
    }
  if (page != self->page)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);

  show_texture (self, result->texture);
  update_navigation (self);

  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GENERATION]);
}

static void
start_render (CrmQuotePreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  if (self->in_flight)
    return;

  if (self->quote == NULL && self->pdf == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->generation = self->requested;
  job->page = self->page;
  job->scale = get_scale (self);

  if (!self->fixed && self->quote != NULL && (self->needs_document || self->pdf == NULL))
    {
      job->quote = crm_quote_copy (self->quote);
      self->needs_document = FALSE;
    }
  else
    job->pdf = g_bytes_ref (self->pdf);

  self->in_flight = TRUE;
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->cancellable, render_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
delay_elapsed_cb (gpointer user_data)
{
  CrmQuotePreview *self = user_data;

  self->delay_source = 0;
  start_render (self);

  return G_SOURCE_REMOVE;
}

/* Asks for the shown page again after @delay_ms, dropping any render
 * under way: after an edit (@document) the PDF is laid out anew, after a
 * zoom or a page turn only rasterised. */
static void
request_render (CrmQuotePreview *self,
                gboolean         document,
                guint            delay_ms)
{
  self->requested++;
  if (document)
    self->needs_document = TRUE;

  g_clear_handle_id (&self->delay_source, g_source_remove);
  self->delay_source = g_timeout_add (delay_ms, delay_elapsed_cb, self);
  set_busy (self, TRUE);
}

static void
quote_changed_cb (CrmQuotePreview *self)
{
  request_render (self, TRUE, CRM_QUOTE_PREVIEW_DELAY_MS);
}

/* A fitted page follows the well's width, once the width settles. */
static void
page_size_changed_cb (CrmQuotePreview *self)
{
  if (self->zoom != 0 || self->pdf == NULL)
    return;

  if (ABS (get_fit_width (self) - self->rendered_width) > 4)
    request_render (self, FALSE, CRM_QUOTE_PREVIEW_DELAY_MS);
}

/* Actions */

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (widget);

  if (self->page > 0)
    crm_quote_preview_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (widget);

  crm_quote_preview_set_page (self, self->page + 1);
}

/* The zoom the shown page has, also when it is fitted. */
static double
get_effective_zoom (CrmQuotePreview *self)
{
  if (self->zoom != 0)
    return self->zoom;

  return (double)get_fit_width (self) / (self->page_width * POINTS_TO_PIXELS);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (widget);
  double zoom = get_effective_zoom (self);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > zoom + 0.01)
      {
        crm_quote_preview_set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (widget);
  double zoom = get_effective_zoom (self);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom - 0.01)
      {
        crm_quote_preview_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  crm_quote_preview_set_zoom (CRM_QUOTE_PREVIEW (widget), 0);
}

/* Overrides */

static void
crm_quote_preview_dispose (GObject *object)
{
  CrmQuotePreview *self = (CrmQuotePreview *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->quote != NULL)
    g_clear_signal_handler (&self->changed_id, self->quote);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUOTE_PREVIEW);
  /* A plain GtkWidget unparents its template's root itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->quote);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (crm_quote_preview_parent_class)->dispose (object);
}

static void
crm_quote_preview_finalize (GObject *object)
{
  CrmQuotePreview *self = (CrmQuotePreview *)object;

  g_clear_object (&self->cancellable);
  g_free (self->error);

  G_OBJECT_CLASS (crm_quote_preview_parent_class)->finalize (object);
}

static void
crm_quote_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, crm_quote_preview_get_busy (self));
      break;

    case PROP_GENERATION:
      g_value_set_uint (value, self->generation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmQuotePreview *self = CRM_QUOTE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      crm_quote_preview_set_quote (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      crm_quote_preview_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      crm_quote_preview_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_preview_class_init (CrmQuotePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_quote_preview_dispose;
  object_class->finalize = crm_quote_preview_finalize;
  object_class->get_property = crm_quote_preview_get_property;
  object_class->set_property = crm_quote_preview_set_property;

  /**
   * CrmQuotePreview:quote:
   *
   * The quote shown, rendered again after each of its changes.
   */
  properties [PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL,
                         CRM_TYPE_QUOTE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuotePreview:page:
   *
   * The page shown, from 0.
   */
  properties [PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuotePreview:zoom:
   *
   * 1.0 shows the page as large as on paper; 0 fits it to the width.
   */
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0, 4, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuotePreview:busy:
   *
   * Whether a render is waiting or running.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuotePreview:generation:
   *
   * How many renders were shown: grows by one each time a new picture of
   * a page replaces the last.
   */
  properties [PROP_GENERATION] =
    g_param_spec_uint ("generation", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quotepreview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-quote-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, picture);
  gtk_widget_class_bind_template_child (widget_class, CrmQuotePreview, error_page);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
}

static void
crm_quote_preview_init (CrmQuotePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->page_width = A4_WIDTH;

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled), "notify::page-size",
                           G_CALLBACK (page_size_changed_cb), self, G_CONNECT_SWAPPED);
  update_navigation (self);
}

/* Public API */

GtkWidget *
crm_quote_preview_new (void)
{
  return g_object_new (CRM_TYPE_QUOTE_PREVIEW, NULL);
}

CrmQuote *
crm_quote_preview_get_quote (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), NULL);

  return self->quote;
}

/**
 * crm_quote_preview_set_quote:
 * @self: a #CrmQuotePreview
 * @quote: (nullable): the quote to show
 *
 * Shows @quote and follows its changes: each "changed" renders it again
 * after %CRM_QUOTE_PREVIEW_DELAY_MS of quiet.
 */
void
crm_quote_preview_set_quote (CrmQuotePreview *self,
                             CrmQuote        *quote)
{
  g_return_if_fail (CRM_IS_QUOTE_PREVIEW (self));
  g_return_if_fail (quote == NULL || CRM_IS_QUOTE (quote));

  if (self->quote == quote)
    return;

  if (self->quote != NULL)
    g_clear_signal_handler (&self->changed_id, self->quote);
  g_set_object (&self->quote, quote);
  self->fixed = FALSE;

  if (quote != NULL)
    {
      /* The editor also asks after its own edits, which a quote of an
       * older model might not signal. */
      if (g_signal_lookup ("changed", CRM_TYPE_QUOTE) != 0)
        self->changed_id = g_signal_connect_object (quote, "changed", G_CALLBACK (quote_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
      /* The first render need not wait for quiet. */
      request_render (self, TRUE, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUOTE]);
}

/**
 * crm_quote_preview_set_pdf:
 * @self: a #CrmQuotePreview
 * @pdf: the bytes of a PDF
 *
 * Shows @pdf as it is, and never renders it again: a sent quote shows the
 * bytes that went out, not a new rendering of it.
 */
void
crm_quote_preview_set_pdf (CrmQuotePreview *self,
                           GBytes          *pdf)
{
  g_return_if_fail (CRM_IS_QUOTE_PREVIEW (self));
  g_return_if_fail (pdf != NULL);

  if (self->quote != NULL)
    g_clear_signal_handler (&self->changed_id, self->quote);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_bytes_ref (pdf);
  self->fixed = TRUE;
  self->needs_document = FALSE;
  request_render (self, FALSE, 0);
}

/**
 * crm_quote_preview_queue_render:
 * @self: a #CrmQuotePreview
 *
 * Lays the quote out again after %CRM_QUOTE_PREVIEW_DELAY_MS of quiet,
 * for a change the quote does not signal itself.
 */
void
crm_quote_preview_queue_render (CrmQuotePreview *self)
{
  g_return_if_fail (CRM_IS_QUOTE_PREVIEW (self));

  if (!self->fixed)
    request_render (self, TRUE, CRM_QUOTE_PREVIEW_DELAY_MS);
}

/**
 * crm_quote_preview_get_pdf:
 * @self: a #CrmQuotePreview
 *
 * Returns: (transfer none) (nullable): the bytes of the PDF shown; they
 *   may be behind the quote while a render is under way
 */
GBytes *
crm_quote_preview_get_pdf (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), NULL);

  return self->pdf;
}

guint
crm_quote_preview_get_page (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), 0);

  return self->page;
}

void
crm_quote_preview_set_page (CrmQuotePreview *self,
                            guint            page)
{
  g_return_if_fail (CRM_IS_QUOTE_PREVIEW (self));

  if (self->n_pages > 0)
    page = MIN (page, self->n_pages - 1);
  if (self->page == page)
    return;

  self->page = page;
  update_navigation (self);
  request_render (self, FALSE, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE]);
}

guint
crm_quote_preview_get_n_pages (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), 0);

  return self->n_pages;
}

double
crm_quote_preview_get_zoom (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), 0);

  return self->zoom;
}

void
crm_quote_preview_set_zoom (CrmQuotePreview *self,
                            double           zoom)
{
  g_return_if_fail (CRM_IS_QUOTE_PREVIEW (self));
  g_return_if_fail (zoom >= 0);

  zoom = MIN (zoom, zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  update_navigation (self);
  request_render (self, FALSE, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

gboolean
crm_quote_preview_get_busy (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), FALSE);

  return self->in_flight || self->delay_source != 0;
}

guint
crm_quote_preview_get_generation (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), 0);

  return self->generation;
}

/**
 * crm_quote_preview_get_texture:
 * @self: a #CrmQuotePreview
 *
 * Returns: (transfer none) (nullable): the picture of the page shown
 */
GdkTexture *
crm_quote_preview_get_texture (CrmQuotePreview *self)
{
  GdkPaintable *paintable;

  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), NULL);

  paintable = gtk_picture_get_paintable (self->picture);

  return GDK_IS_TEXTURE (paintable) ? GDK_TEXTURE (paintable) : NULL;
}

/**
 * crm_quote_preview_get_error:
 * @self: a #CrmQuotePreview
 *
 * Returns: (nullable): why the last render failed, as the renderer said
 */
const char *
crm_quote_preview_get_error (CrmQuotePreview *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_PREVIEW (self), NULL);

  return self->error;
}
