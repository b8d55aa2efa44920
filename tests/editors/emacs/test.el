;;; test.el --- copydesk in Emacs with eglot, batch mode  -*- lexical-binding: t; -*-
;;
;;   COPYDESK_SERVER=build/copydesk COPYDESK_ARTICLE=tests/editors/article.md \
;;   emacs -Q --batch -l tests/editors/emacs/test.el
;;
;; Uses the `eglot-server-programs' entry and hooks from editors/README.md
;; (with the directory of COPYDESK_SERVER put first on PATH, so "copydesk"
;; there is the server under test), opens the article, and checks flymake's
;; diagnostics (our codes, severities, positions after emoji), eglot's hover,
;; and that an edit updates the diagnostics.  Batch Emacs never goes idle, so
;; the test runs `post-command-hook' (eglot-ensure connects there) and sends
;; didChange itself, as the command loop and the idle timer would.
;;
;; Prints one line per check and "emacs: N passed, M failed"; exits non-zero
;; on any failure.

(require 'package)
;; Debian's elpa-* packages (eglot 1.9 on Emacs 28), which -Q leaves out.
(dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa-src"))
  (when (file-directory-p dir)
    (add-to-list 'package-directory-list dir t)))
(package-initialize)
(require 'cl-lib)
(require 'subr-x)
(unless (require 'eglot nil t)
  (princ "eglot is not installed (Debian: elpa-eglot; built in from Emacs 29): skipped\n")
  (kill-emacs 77))
(require 'flymake)

(defvar copydesk-test-passed 0)
(defvar copydesk-test-failed 0)
(defconst copydesk-test-wait 10 "Seconds to wait for the server each time.")

(defun copydesk-test-log (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun copydesk-test-check (name ok &optional detail)
  (if ok
      (progn (cl-incf copydesk-test-passed) (copydesk-test-log "ok - %s" name))
    (cl-incf copydesk-test-failed)
    (copydesk-test-log "not ok - %s%s" name (if detail (format ": %s" detail) "")))
  ok)

(defun copydesk-test-finish ()
  (copydesk-test-log "emacs: %d passed, %d failed" copydesk-test-passed copydesk-test-failed)
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs (if (and (= copydesk-test-failed 0) (> copydesk-test-passed 0)) 0 1)))

(defun copydesk-test-wait-for (pred &optional seconds)
  "Process server output until PRED returns non-nil or SECONDS pass; PRED's value."
  (let ((deadline (+ (float-time) (or seconds copydesk-test-wait)))
        value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun copydesk-test-env (name)
  (let ((v (getenv name)))
    (unless (and v (not (string-empty-p v)))
      (copydesk-test-check (format "environment variable %s is set" name) nil)
      (copydesk-test-finish))
    v))

;; ---- the configuration from editors/README.md ---------------------------------
;; Evaluated from the README itself (its first elisp block under "Emacs"), so
;; the test and what users copy cannot drift apart.
(defconst copydesk-test-readme
  (expand-file-name "../../../editors/README.md" (file-name-directory (or load-file-name buffer-file-name))))

(defun copydesk-test-readme-snippet ()
  (with-temp-buffer
    (insert-file-contents copydesk-test-readme)
    (re-search-forward "^## Emacs")
    (re-search-forward "^```elisp\n")
    (buffer-substring-no-properties (point) (progn (re-search-forward "^```$") (match-beginning 0)))))

;; A stand-in for the Markdown server a user already has (marksman), listed the
;; way eglot lists its own: articles must go to copydesk, the rest stay with it.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '((markdown-mode gfm-mode) . ("marksman"))))
(with-temp-buffer
  (insert (copydesk-test-readme-snippet))
  (eval-buffer))
;; ---------------------------------------------------------------------------------

(defun copydesk-test-contact ()
  "The program eglot would start for the current buffer, or nil."
  (let ((guess (ignore-errors (eglot--guess-contact))))
    (car-safe (nth 3 guess))))

(defun copydesk-test-diags ()
  "The flymake diagnostics of the buffer, as plists with the LSP diagnostic."
  (mapcar (lambda (d)
            (let* ((beg (flymake-diagnostic-beg d))
                   (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
              (save-excursion
                (goto-char beg)
                (list :code (plist-get lsp :code)
                      :type (flymake-diagnostic-type d)
                      :text (flymake-diagnostic-text d)
                      :line (1- (line-number-at-pos))
                      :col (- beg (line-beginning-position))   ; characters, not bytes or UTF-16
                      :end-col (- (flymake-diagnostic-end d) (line-beginning-position))))))
          (flymake-diagnostics)))

(defun copydesk-test-show (diags)
  (mapconcat (lambda (d) (format "%s@%d:%d %s" (plist-get d :code) (plist-get d :line)
                                 (plist-get d :col) (plist-get d :type)))
             diags ", "))

(defun copydesk-test-by-code (diags code)
  (cl-remove-if-not (lambda (d) (equal (plist-get d :code) code)) diags))

(defun copydesk-test-hover (line col)
  "eglot's hover (its eldoc function) at LINE (0-based) and character COL."
  (goto-char (point-min))
  (forward-line line)
  (forward-char col)
  (let ((result nil) (called nil))
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq result info called t)))
    (copydesk-test-wait-for (lambda () called))
    (if result (substring-no-properties result) "")))

(defun copydesk-test-main ()
  (let* ((server (expand-file-name (copydesk-test-env "COPYDESK_SERVER")))
         (article (copydesk-test-env "COPYDESK_ARTICLE"))
         (dir (make-temp-file "copydesk-emacs-" t))
         (file (expand-file-name "council.md" dir)))
    (setenv "PATH" (concat (file-name-directory server) path-separator (getenv "PATH")))
    (push (directory-file-name (file-name-directory server)) exec-path)
    (copydesk-test-log "# Emacs %s, eglot %s" emacs-version
                       (or (ignore-errors (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))) "built-in"))
    (copydesk-test-check "\"copydesk\" on PATH is the server under test"
                         (equal (executable-find "copydesk") server) (executable-find "copydesk"))
    (copy-file article file t)
    ;; The desk's configuration marks the directory as one of articles.
    (with-temp-file (expand-file-name ".copydesk.json" dir) (insert "{}\n"))
    (unless (fboundp 'markdown-mode)
      ;; Without markdown-mode (Debian: elpa-markdown-mode), .md files are plain text here.
      (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode)))
    (find-file file)
    (switch-to-buffer (current-buffer))   ; eglot's hover answers only for a displayed buffer
    (copydesk-test-log "# major mode: %s" major-mode)
    ;; The command loop would run this after `find-file': eglot-ensure connects here.
    (run-hooks 'post-command-hook)
    (let ((server-obj (copydesk-test-wait-for
                       (lambda () (and (bound-and-true-p eglot--managed-mode) (eglot-current-server))))))
      (unless (copydesk-test-check "eglot connected to copydesk" server-obj)
        (copydesk-test-finish))
      (copydesk-test-check "server answered initialize (hoverProvider)"
                           (eglot--server-capable :hoverProvider))
      (copydesk-test-check "server is copydesk (serverInfo)"
                           (equal (plist-get (ignore-errors (eglot--server-info server-obj)) :name) "copydesk")
                           (format "%S" (ignore-errors (eglot--server-info server-obj)))))
    (copydesk-test-check "flymake is on" (bound-and-true-p flymake-mode))
    (flymake-start)
    (let* ((diags (copydesk-test-wait-for
                   (lambda () (let ((d (copydesk-test-diags))) (and (>= (length d) 3) d)))))
           (attributed (copydesk-test-by-code diags "quote.attributed"))
           (unattributed (copydesk-test-by-code diags "quote.unattributed"))
           (ann (cl-find 4 attributed :key (lambda (d) (plist-get d :line)))))
      (copydesk-test-log "# diagnostics: %s" (copydesk-test-show diags))
      (copydesk-test-check "two quote.attributed diagnostics" (= (length attributed) 2) (copydesk-test-show diags))
      (copydesk-test-check "one quote.unattributed diagnostic" (= (length unattributed) 1) (copydesk-test-show diags))
      (copydesk-test-check "quote.unattributed is a flymake warning"
                           (eq (plist-get (car unattributed) :type) 'eglot-warning)
                           (format "%S" (plist-get (car unattributed) :type)))
      (copydesk-test-check "quote.attributed is a note (hint)"
                           (cl-every (lambda (d) (eq (plist-get d :type) 'eglot-note)) attributed))
      (copydesk-test-check "the flymake message names the code"
                           (string-match-p "\\[quote\\.unattributed\\]" (or (plist-get (car unattributed) :text) ""))
                           (plist-get (car unattributed) :text))
      ;; '🎉 "Nobody asked us."': one emoji, a space: character 2 (UTF-16 3, bytes 5).
      (copydesk-test-check "quote.unattributed at line 6, character 2 (after an emoji)"
                           (and unattributed (= (plist-get (car unattributed) :line) 6)
                                (= (plist-get (car unattributed) :col) 2))
                           (copydesk-test-show unattributed))
      ;; '🎉🎉 "The river is rising," said Ann Lee.': characters 3..25.
      (copydesk-test-check "quote.attributed at line 4, characters 3-25 (after two emoji)"
                           (and ann (= (plist-get ann :col) 3) (= (plist-get ann :end-col) 25))
                           (and ann (format "%d-%d" (plist-get ann :col) (plist-get ann :end-col)))))
    (let ((h (copydesk-test-hover 2 5)))
      (copydesk-test-log "# hover 2:5: %S" h)
      (copydesk-test-check "hover on the first quote names Jane Doe" (string-match-p "Jane Doe" h) h))
    (let ((h (copydesk-test-hover 4 6)))
      (copydesk-test-log "# hover 4:6: %S" h)
      (copydesk-test-check "hover on the quote after two emoji names Ann Lee" (string-match-p "Ann Lee" h) h)
      (copydesk-test-check "hover on line 4 is not about Jane Doe" (not (string-match-p "Jane Doe" h)) h))
    ;; eglot watches files for the server: it must have been asked to watch .copydesk.json,
    ;; and a changed file must apply without a restart.
    (let ((server-obj (eglot-current-server)))
      (copydesk-test-check "the server asked eglot to watch .copydesk.json (client/registerCapability)"
                           (> (hash-table-count (eglot--file-watches server-obj)) 0))
      (with-temp-file (expand-file-name ".copydesk.json" dir)
        (insert "{ \"rules\": { \"quote.unattributed\": \"error\" } }\n"))
      (let* ((error-now (lambda ()
                          (flymake-start)
                          (accept-process-output nil 0.05)
                          (eq (plist-get (car (copydesk-test-by-code (copydesk-test-diags) "quote.unattributed")) :type)
                              'eglot-error)))
             (watched (copydesk-test-wait-for error-now 3)))
        ;; Batch Emacs may not deliver file-notify events (they come through the command loop);
        ;; then the next message the server gets (a hover, as moving point would send) must do.
        (copydesk-test-log "# change seen through the file watch: %s" (if watched "yes" "no"))
        (unless watched (copydesk-test-hover 0 0))
        (copydesk-test-check "a changed .copydesk.json applies without a restart (quote.unattributed is an error)"
                             (or watched (copydesk-test-wait-for error-now))
                             (copydesk-test-show (copydesk-test-diags)))))
    ;; Edit: '"Nobody asked us."' -> '"Nobody asked us," said Bo Chen.'
    (goto-char (point-min))
    (forward-line 6)
    (copydesk-test-check "line 6 holds the unattributed quote"
                         (search-forward "\"Nobody asked us.\"" (line-end-position) t))
    (replace-match "\"Nobody asked us,\" said Bo Chen." t t)
    (eglot--signal-textDocument/didChange)   ; what eglot's idle timer would do
    (let ((diags (copydesk-test-wait-for
                  (lambda ()
                    (flymake-start)
                    (accept-process-output nil 0.05)
                    (let ((d (copydesk-test-diags)))
                      (and (null (copydesk-test-by-code d "quote.unattributed"))
                           (= (length (copydesk-test-by-code d "quote.attributed")) 3)
                           d))))))
      (copydesk-test-log "# diagnostics after the edit: %s" (copydesk-test-show (copydesk-test-diags)))
      (copydesk-test-check "after the edit: no quote.unattributed, three quote.attributed" diags
                           (copydesk-test-show (copydesk-test-diags)))
      (let ((bo (cl-find 6 (copydesk-test-by-code diags "quote.attributed") :key (lambda (d) (plist-get d :line)))))
        (copydesk-test-check "after the edit: the fixed quote at line 6, character 2"
                             (and bo (= (plist-get bo :col) 2)) (copydesk-test-show diags))))
    (let ((h (copydesk-test-hover 6 5)))
      (copydesk-test-log "# hover 6:5: %S" h)
      (copydesk-test-check "hover on the fixed quote names Bo Chen" (string-match-p "Bo Chen" h) h))
    ;; Settings (editors/README.md): eglot-workspace-configuration, sent as
    ;; workspace/didChangeConfiguration; the server must re-check with them.
    (setq-default eglot-workspace-configuration '(:copydesk (:rules (:quote.attributed "warning"))))
    (eglot-signal-didChangeConfiguration (eglot-current-server))
    (let ((diags (copydesk-test-wait-for
                  (lambda ()
                    (flymake-start)
                    (accept-process-output nil 0.05)
                    (let ((a (copydesk-test-by-code (copydesk-test-diags) "quote.attributed")))
                      (and (= (length a) 3)
                           (cl-every (lambda (d) (eq (plist-get d :type) 'eglot-warning)) a)
                           a))))))
      (copydesk-test-log "# diagnostics after the settings change: %s" (copydesk-test-show (copydesk-test-diags)))
      (copydesk-test-check "eglot-workspace-configuration reaches the server (quote.attributed as warning)"
                           diags (copydesk-test-show (copydesk-test-diags))))
    (set-buffer-modified-p nil)
    ;; Only the buffers picked get copydesk: not modes derived from text-mode,
    ;; and not Markdown outside a directory of articles.
    (dolist (name '("notes.tex" "notes.org" "notes.rst"))
      (let ((path (expand-file-name name dir)))
        (with-temp-file path (insert "\"We will see,\" the mayor said.\n"))
        (with-current-buffer (find-file-noselect path)
          (run-hooks 'post-command-hook)
          (accept-process-output nil 0.1)
          (copydesk-test-check (format "%s (%s): copydesk not started" name major-mode)
                               (and (not (bound-and-true-p eglot--managed-mode))
                                    (not (equal (copydesk-test-contact) "copydesk")))
                               (format "managed=%s contact=%s" (bound-and-true-p eglot--managed-mode)
                                       (copydesk-test-contact)))
          (set-buffer-modified-p nil)
          (kill-buffer))))
    (let* ((elsewhere (make-temp-file "copydesk-emacs-other-" t))
           (path (expand-file-name "readme.md" elsewhere)))
      (with-temp-file path (insert "# Notes\n"))
      (with-current-buffer (find-file-noselect path)
        (when (fboundp 'markdown-mode)
          (copydesk-test-check "Markdown outside an article directory keeps its own server (marksman)"
                               (equal (copydesk-test-contact) "marksman") (copydesk-test-contact)))
        (copydesk-test-check "Markdown outside an article directory: copydesk not started"
                             (not (equal (copydesk-test-contact) "copydesk")) (copydesk-test-contact))
        (kill-buffer))
      (delete-directory elsewhere t))
    (delete-directory dir t)))

(condition-case err
    (copydesk-test-main)
  (error (copydesk-test-check "test script ran without error" nil (format "%S" err))))
(copydesk-test-finish)

;;; test.el ends here
